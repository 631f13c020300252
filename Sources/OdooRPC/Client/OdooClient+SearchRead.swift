/// `search_read` of any size: pages by an id cursor (stable under concurrent inserts, and
/// without the O(n²) cost of offsets), optionally over id-range slices in parallel.
extension OdooClient {
    /// All matching records sorted by id. A custom `order` or a `limit` makes it a single
    /// `search_read` call instead. `progress` receives the running number of records. `context` goes with every call
    /// (`allowed_company_ids` to read company-dependent fields, such as Odoo 18's account codes, for that company).
    public func searchRead(
        _ model: String, domain: [RPCValue], fields: [String], order: String? = nil, limit: Int? = nil, context: RPCStruct? = nil,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> [RPCStruct] {
        if limit != nil || (order != nil && order != "id" && order != "id asc") {
            var kwargs: RPCStruct = ["fields": RPCValue(fields)]
            if let context { kwargs["context"] = .structure(context) }
            if let limit { kwargs["limit"] = RPCValue(limit) }
            if let order { kwargs["order"] = .string(order) }
            let value = try await execute(model, "search_read", [.array(domain)], kwargs, idempotent: true)
            let records = try Self.records(value, from: "\(model).search_read")
            progress?(records.count)
            return records
        }
        // Pages cover disjoint id ranges, each in id order: sorted by their first id they read as one list.
        let pages = Locked<[[RPCStruct]]>([])
        try await searchReadPages(model, domain: domain, fields: fields, context: context, progress: progress) { page in
            pages.withLock { $0.append(page) }
        }
        return pages.withLock { $0 }.sorted { ($0.first?["id"]?.int ?? 0) < ($1.first?["id"]?.int ?? 0) }.flatMap { $0 }
    }

    /// Every matching record, handed to `receive` a page at a time as pages arrive (pages of different id slices
    /// may interleave and arrive concurrently), so the caller keeps only what it maps from each. A slice asks for
    /// its next page only once `receive` has returned: memory stays bounded by the pages in flight.
    public func searchReadPages(
        _ model: String, domain: [RPCValue], fields: [String], context: RPCStruct? = nil, progress: (@Sendable (Int) -> Void)? = nil,
        receive: @escaping @Sendable ([RPCStruct]) async throws -> Void
    ) async throws {
        let counter = Locked(0)
        let report: @Sendable ([RPCStruct]) async throws -> Void = { page in
            let total = counter.withLock { $0 += page.count; return $0 }
            progress?(total)
            try await receive(page)
        }
        // Most models a pull reads fit in one page: read it before deciding anything else.
        let first = try await page(model, domain: domain, fields: fields, after: nil, through: nil, context: context)
        try await report(first)
        guard first.count >= options.pageSize, let lastID = first.last?["id"]?.int else { return }
        guard let slices = try await idSlices(model, domain: domain, after: lastID) else {
            return try await pages(model, domain: domain, fields: fields, after: lastID, through: nil, context: context, report: report)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for slice in slices {
                group.addTask {
                    try await self.pages(model, domain: domain, fields: fields, after: slice.lowerBound - 1, through: slice.upperBound,
                                         context: context, report: report)
                }
            }
            try await group.waitForAll()
        }
    }

    /// Splits (after, max id] into up to `maxConcurrentCalls` ranges of at least a page each, read side
    /// by side; nil (one open-ended cursor) when the client makes one call at a time.
    private func idSlices(_ model: String, domain: [RPCValue], after: Int) async throws -> [ClosedRange<Int>]? {
        guard options.maxConcurrentCalls > 1 else { return nil }
        guard let high = try await search(model, domain: domain + [["id", ">", RPCValue(after)]], limit: 1, order: "id desc").first else { return [] }
        let low = after + 1
        let span = high - low + 1
        let count = max(1, min(options.maxConcurrentCalls, (span + options.pageSize - 1) / options.pageSize))
        let width = (span + count - 1) / count
        return stride(from: low, through: high, by: width).map { $0...min($0 + width - 1, high) }
    }

    /// Pages `id > after` (and `id <= through`) in id order until a short page.
    private func pages(
        _ model: String, domain: [RPCValue], fields: [String], after: Int?, through: Int?, context: RPCStruct?,
        report: @Sendable ([RPCStruct]) async throws -> Void
    ) async throws {
        var cursor = after
        while true {
            let page = try await page(model, domain: domain, fields: fields, after: cursor, through: through, context: context)
            try await report(page)
            guard page.count >= options.pageSize, let lastID = page.last?["id"]?.int else { return }
            cursor = lastID
        }
    }

    /// One page of `id > after` (and `id <= through`) in id order.
    private func page(_ model: String, domain: [RPCValue], fields: [String], after: Int?, through: Int?, context: RPCStruct?) async throws -> [RPCStruct] {
        var pageDomain = domain
        if let after { pageDomain.append(["id", ">", RPCValue(after)]) }
        if let through { pageDomain.append(["id", "<=", RPCValue(through)]) }
        var kwargs: RPCStruct = ["fields": RPCValue(fields), "limit": RPCValue(options.pageSize), "order": "id"]
        if let context { kwargs["context"] = .structure(context) }
        let value = try await execute(model, "search_read", [.array(pageDomain)], kwargs, idempotent: true)
        return try Self.records(value, from: "\(model).search_read")
    }
}
