/// The ORM methods Closer uses, with the argument layout Odoo's Python clients send.
extension OdooClient {
    public func searchCount(_ model: String, domain: [RPCValue]) async throws -> Int {
        let value = try await execute(model, "search_count", [.array(domain)], idempotent: true)
        guard let count = value.int else { throw Self.unexpected("an integer count", from: "\(model).search_count") }
        return count
    }

    public func search(_ model: String, domain: [RPCValue], limit: Int? = nil, order: String? = nil) async throws -> [Int] {
        var kwargs = RPCStruct()
        if let limit { kwargs["limit"] = RPCValue(limit) }
        if let order { kwargs["order"] = .string(order) }
        let value = try await execute(model, "search", [.array(domain)], kwargs, idempotent: true)
        return try Self.ids(value, from: "\(model).search")
    }

    public func read(_ model: String, ids: [Int], fields: [String]) async throws -> [RPCStruct] {
        let value = try await execute(model, "read", [RPCValue(ids)], ["fields": RPCValue(fields)], idempotent: true)
        return try Self.records(value, from: "\(model).read")
    }

    public func fieldsGet(
        _ model: String, attributes: [String] = ["type", "string", "relation", "readonly", "required"]
    ) async throws -> [String: OdooField] {
        let value = try await execute(model, "fields_get", [], ["attributes": RPCValue(attributes)], idempotent: true)
        guard let described = value.structValue else { throw Self.unexpected("a struct of fields", from: "\(model).fields_get") }
        var fields: [String: OdooField] = [:]
        for (name, attributes) in described {
            if let field = OdooField(name: name, attributes: attributes) { fields[name] = field }
        }
        return fields
    }

    /// Creates one record per struct, returning their ids in order.
    public func create(_ model: String, _ values: [RPCStruct]) async throws -> [Int] {
        let value = try await execute(model, "create", [.array(values.map(RPCValue.structure))], idempotent: false)
        if let id = value.int { return [id] }
        return try Self.ids(value, from: "\(model).create")
    }

    public func write(_ model: String, ids: [Int], _ values: RPCStruct) async throws {
        _ = try await execute(model, "write", [RPCValue(ids), .structure(values)], idempotent: false)
    }

    public func unlink(_ model: String, ids: [Int]) async throws {
        _ = try await execute(model, "unlink", [RPCValue(ids)], idempotent: false)
    }

    static func ids(_ value: RPCValue, from call: String) throws -> [Int] {
        guard let items = value.arrayValue else { throw unexpected("a list of ids", from: call) }
        return try items.map { item in
            guard let id = item.int else { throw unexpected("a list of ids", from: call) }
            return id
        }
    }

    static func records(_ value: RPCValue, from call: String) throws -> [RPCStruct] {
        guard let items = value.arrayValue else { throw unexpected("a list of records", from: call) }
        return try items.map { item in
            guard let record = item.structValue else { throw unexpected("a list of records", from: call) }
            return record
        }
    }

    static func unexpected(_ expected: String, from call: String) -> OdooError {
        .malformedResponse("expected \(expected) from \(call)")
    }
}
