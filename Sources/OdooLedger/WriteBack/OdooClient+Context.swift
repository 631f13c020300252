public import OdooRPC

/// Calls the write-back and the demo importer need beyond OdooClient's basics: creates and state changes with a context
/// (Odoo's `context` keyword is applied by call_kw), and existence checks that include archived records.
extension OdooClient {
    public func create(_ model: String, _ values: [RPCStruct], context: RPCStruct) async throws -> [Int] {
        let value = try await execute(model, "create", [.array(values.map(RPCValue.structure))], ["context": .structure(context)],
                                      idempotent: false)
        if let id = value.int { return [id] }
        return value.arrayValue?.compactMap(\.int) ?? []
    }

    public func write(_ model: String, ids: [Int], _ values: RPCStruct, context: RPCStruct) async throws {
        _ = try await execute(model, "write", [RPCValue(ids), .structure(values)], ["context": .structure(context)], idempotent: false)
    }

    public func existing(_ model: String, ids: [Int]) async throws -> [Int] {
        guard !ids.isEmpty else { return [] }
        let value = try await execute(model, "search", [[["id", "in", RPCValue(ids)]]], ["context": ["active_test": false]],
                                      idempotent: true)
        return value.arrayValue?.compactMap(\.int) ?? []
    }
}
