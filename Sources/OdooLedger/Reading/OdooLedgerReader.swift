import Ledger
import OdooRPC

/// Reads one company's ledger window from Odoo: reference data, moves, lines, statement lines, and
/// the open order lines (received or delivered, not invoiced) of purchase and sale when installed.
/// An incremental read fetches only moves written since the cursor (or with a line written since),
/// with all of their lines, plus the ids of every move in the window so deletions can be seen.
struct OdooLedgerReader {
    let client: OdooClient
    let schema: OdooSchema
    let progress: PullProgress?

    /// Reads that do not depend on each other are issued side by side (the client bounds how many are in
    /// flight). The company and its currencies come first; then each page of entries, lines and statement lines is
    /// mapped to Ledger values as it arrives and handed to `sink`, its raw records dropped, while the small models
    /// are read beside them. The result's snapshot holds everything but what went to the sink.
    func pull(companyID: Int, request: PullRequest, into sink: some LedgerSink) async throws -> PullResult {
        let inWindow: [RPCValue] = [["company_id", "=", RPCValue(companyID)],
                                    ["date", ">=", .string(request.window.first.description)],
                                    ["date", "<=", .string(request.window.last.description)]]
        let realLines: RPCValue = ["display_type", "not in", ["line_section", "line_note"]]
        let since: [RPCValue] = request.changedSince.map { [["write_date", ">=", .string($0.description)]] } ?? []
        let complete = request.changedSince == nil

        // Odoo 18 keeps account codes per company (company-dependent): read them as the company, or every company but the
        // user's main one reads empty codes and the code-prefix rules never fire.
        async let accountsRead = records("account.account", domain: [schema.companyDomain(for: "account.account", companyID: companyID)],
                                         fields: OdooFieldLists.account, context: ["allowed_company_ids": RPCValue([companyID])])
            .map(OdooLedgerMapping.account)
        async let journalsRead = records("account.journal", domain: [["company_id", "=", RPCValue(companyID)]],
                                         fields: OdooFieldLists.journal).map(OdooLedgerMapping.journal)
        async let taxesRead = records("account.tax", domain: [["company_id", "=", RPCValue(companyID)]], fields: OdooFieldLists.tax)
            .map(OdooLedgerMapping.tax)
        async let moveIDsInWindow = client.search("account.move", domain: inWindow)
        async let lineCount = complete ? client.searchCount("account.move.line", domain: inWindow + [realLines]) : 0
        async let statementCount = complete ? client.searchCount("account.bank.statement.line", domain: inWindow) : 0
        async let companyRead = company(id: companyID)
        async let active = activeCurrencies()
        let company = try await companyRead
        let stream = PageStream(reader: self, currencies: try await PulledCurrencies(client: client, company: company, active: try await active, sink: sink))

        async let linesStreamed: Void = complete
            ? stream.pages("account.move.line", domain: inWindow + [realLines], fields: OdooFieldLists.line, map: { try $0.line($1) },
                           deliver: { try await sink.receive(lines: $0) })
            : ()
        async let statementsStreamed: Void = stream.pages(
            "account.bank.statement.line", domain: inWindow + since, fields: OdooFieldLists.statementLine, map: { try $0.statementLine($1) },
            deliver: { try await sink.receive(statementLines: $0) })
        // An incremental pull remembers the ids of the moves it read, to read all of their lines after.
        let changedMoveIDs = PulledIDs()
        try await stream.pages("account.move", domain: inWindow + since, fields: OdooFieldLists.move, map: { try $0.move($1) }, deliver: { moves in
            if !complete { changedMoveIDs.insert(moves.map(\.id)) }
            try await sink.receive(moves: moves)
        })
        if !complete {
            try await changedLines(of: changedMoveIDs.all, inWindow: inWindow + [realLines], since: since, realLines: realLines,
                                   stream: stream, sink: sink)
        }
        try await linesStreamed
        try await statementsStreamed

        let currencies = await stream.currencies.all
        let orders = try await orderLines(companyID: companyID,
                                          mapping: OdooLedgerMapping(company: company, currencies: Dictionary(currencies.map { ($0.id, $0) },
                                                                                                                uniquingKeysWith: { a, _ in a })))
        let partnerIDs = stream.tally.partnerIDs.union(orders.lines.compactMap(\.partnerID))
        let partners = try await self.partners(ids: partnerIDs.sorted())
        let (accounts, journals, taxes) = try await (accountsRead, journalsRead, taxesRead)

        let allMoveIDs = try await moveIDsInWindow
        let snapshot = LedgerSnapshot(company: company, currencies: currencies, accounts: accounts, journals: journals,
                                      partners: partners, taxes: taxes, orderLines: orders.lines)
        // Odoo's own counts, each from a call other than the paged reads (the moves' from the window's ids).
        let sourceCounts = complete ? LedgerCounts(
            accounts: accounts.count, journals: journals.count, partners: partners.count, moves: allMoveIDs.count,
            lines: try await lineCount, statementLines: try await statementCount) : nil
        return PullResult(snapshot: snapshot, moveIDsInWindow: allMoveIDs, cursor: stream.tally.newestWrite ?? request.changedSince,
                          sourceCounts: sourceCounts, notes: orders.notes)
    }

    /// An incremental read's lines: every line of each move written since the cursor, or with a line written
    /// since (a rewritten posted line does not always touch its move's write_date), and those moves.
    private func changedLines(of changedMoves: Set<Int>, inWindow: [RPCValue], since: [RPCValue], realLines: RPCValue,
                              stream: PageStream, sink: some LedgerSink) async throws {
        var moveIDs = changedMoves
        let owners = try await records("account.move.line", domain: inWindow + since, fields: ["move_id"])
        let missing = Set(owners.compactMap { $0.optionalMany2one("move_id")?.id }).subtracting(moveIDs)
        if !missing.isEmpty {
            try await stream.pages("account.move", domain: [["id", "in", RPCValue(missing.sorted())]], fields: OdooFieldLists.move,
                                   map: { try $0.move($1) }, deliver: { try await sink.receive(moves: $0) })
            moveIDs.formUnion(missing)
        }
        guard !moveIDs.isEmpty else { return }
        try await stream.pages("account.move.line", domain: [["move_id", "in", RPCValue(moveIDs.sorted())], realLines], fields: OdooFieldLists.line,
                               map: { try $0.line($1) }, deliver: { try await sink.receive(lines: $0) })
    }

    func company(id: Int) async throws -> Company {
        let fields = schema.available(OdooFieldLists.company, on: "res.company") + schema.lockDateFields
        guard let record = try await client.read("res.company", ids: [id], fields: fields).first else {
            throw OdooMappingError(model: "res.company", recordID: id, field: "id", problem: "no such company for this user")
        }
        let values = OdooRecord(model: "res.company", values: record)
        let currencyID = try values.many2oneID("currency_id")
        let partner = values.optionalMany2one("partner_id")?.id
        async let dateOrder = dateOrder(companyPartner: partner)
        guard let currencyRecord = try await client.read("res.currency", ids: [currencyID], fields: OdooFieldLists.currency).first else {
            throw values.fail("currency_id", "a currency that cannot be read")
        }
        let currency = try OdooLedgerMapping.currency(OdooRecord(model: "res.currency", values: currencyRecord))
        var company = try OdooLedgerMapping.company(values, currency: currency, lockFields: schema.lockDateFields)
        company.dateOrder = await dateOrder
        return company
    }

    /// How the company writes dates (its partner's language's format), for labels like "01/10/2026 - 30/09/2027". nil when
    /// it cannot be read (a user without access to languages): such labels are then read by their own numbers and the bill's date.
    func dateOrder(companyPartner: Int?) async -> DateOrder? {
        guard let partner = companyPartner,
              let language = try? await client.read("res.partner", ids: [partner], fields: ["lang"]).first?["lang"]?.stringValue,
              let format = try? await client.searchRead("res.lang", domain: [["code", "=", .string(language)]], fields: ["date_format"], limit: 1)
                  .first?["date_format"]?.stringValue else { return nil }
        return DateOrder(strftime: format)
    }

    /// Active currencies plus the company's (which may be archived in odd databases).
    func currencies(including home: Currency) async throws -> [Currency] {
        Self.currencies(try await activeCurrencies(), including: home)
    }

    func activeCurrencies() async throws -> [Currency] {
        try await records("res.currency", domain: [], fields: OdooFieldLists.currency).map(OdooLedgerMapping.currency)
    }

    static func currencies(_ active: [Currency], including home: Currency) -> [Currency] {
        active.contains { $0.id == home.id } ? active : active + [home]
    }

    /// The archived currencies `records` name (currency_id, foreign_currency_id) beyond the `known` ones: Odoo still reads them by id.
    func archivedCurrencies(referencedBy records: [OdooRecord], known: [Int: Currency]) async throws -> [Currency] {
        let missing = Set(records.flatMap { record in ["currency_id", "foreign_currency_id"].compactMap { record.optionalMany2one($0)?.id } })
            .subtracting(known.keys)
        guard !missing.isEmpty else { return [] }
        return try await client.read("res.currency", ids: missing.sorted(), fields: OdooFieldLists.currency)
            .map { try OdooLedgerMapping.currency(OdooRecord(model: "res.currency", values: $0)) }
    }

    func partners(ids: [Int]) async throws -> [Partner] {
        guard !ids.isEmpty else { return [] }
        async let people = client.read("res.partner", ids: ids, fields: OdooFieldLists.partner)
        let banks = try await records("res.partner.bank", domain: [["partner_id", "in", RPCValue(ids)]], fields: OdooFieldLists.partnerBank)
        var accountsByPartner: [Int: [String]] = [:]
        for bank in banks {
            if let owner = bank.optionalMany2one("partner_id")?.id, let number = bank.optionalString("acc_number") {
                accountsByPartner[owner, default: []].append(number)
            }
        }
        return try await people
            .map { OdooRecord(model: "res.partner", values: $0) }
            .map { try OdooLedgerMapping.partner($0, bankAccounts: accountsByPartner[(try? $0.int("id")) ?? 0] ?? []) }
            .sorted { $0.id < $1.id }
    }

    func records(_ model: String, domain: [RPCValue], fields: [String], context: RPCStruct? = nil) async throws -> [OdooRecord] {
        var pageProgress: (@Sendable (Int) -> Void)?
        if let progress { pageProgress = { count in progress(model, count) } }
        let found = try await client.searchRead(model, domain: domain, fields: schema.available(fields, on: model), context: context,
                                                progress: pageProgress)
        return found.map { OdooRecord(model: model, values: $0) }
    }
}
