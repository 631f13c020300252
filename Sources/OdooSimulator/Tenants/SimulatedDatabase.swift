import Foundation
public import Ledger
import OdooRPC

/// One database of the simulated Odoo: a generated ledger served read-only through the ORM methods Closer's
/// reads use (search, search_count, search_read, read, fields_get). Any other method is refused the way Odoo
/// refuses a call it cannot run, naming what the simulation does not do.
public final class SimulatedDatabase: Sendable {
    public let name: String
    public let snapshot: LedgerSnapshot
    let models: [String: SimulatedModel]

    public init(name: String, snapshot: LedgerSnapshot) {
        self.name = name
        var snapshot = snapshot
        // Pages are cut by id: keep every record array in id order.
        if !Self.inIDOrder(snapshot.lines) { snapshot.lines.sort { $0.id < $1.id } }
        if !Self.inIDOrder(snapshot.statementLines) { snapshot.statementLines.sort { $0.id < $1.id } }
        self.snapshot = snapshot
        let lookups = LedgerLookups(snapshot)
        var models = [LedgerModels.moves(lookups), LedgerModels.lines(snapshot.lines, lookups),
                      LedgerModels.statementLines(snapshot.statementLines, lookups)] + ReferenceModels.all(snapshot, lookups)
        models += SystemModels.all(serving: models.map(\.name))
        self.models = Dictionary(models.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The answer to `model.method(*args, **kwargs)` and how many records it carried (what per-record latency costs).
    func execute(_ model: String, _ method: String, _ args: [RPCValue], _ kwargs: RPCStruct) throws -> (result: RPCValue, records: Int) {
        guard let served = models[model] else { throw OdooServerFault.noModel(model) }
        let domain = OdooDomain(args.first?.arrayValue ?? kwargs["domain"]?.arrayValue ?? [])
        let fields = (kwargs["fields"] ?? (args.count > 1 ? args[1] : nil))?.arrayValue?.compactMap(\.stringValue) ?? []
        switch method {
        case "search", "search_read":
            let descending = try Self.descending(kwargs["order"]?.stringValue)
            let found = served.search(domain, offset: kwargs["offset"]?.int ?? 0, limit: kwargs["limit"]?.int.flatMap { $0 > 0 ? $0 : nil },
                                      descending: descending)
            guard method == "search_read" else { return (RPCValue(found.map(served.idAt)), 0) }
            return (.array(try found.map { .structure(try served.read($0, fields: fields)) }), found.count)
        case "search_count":
            return (RPCValue(served.search(domain).count), 0)
        case "read":
            let ids = args.first.map { $0.arrayValue?.compactMap(\.int) ?? $0.int.map { [$0] } ?? [] } ?? []
            let records = try ids.compactMap(served.index(of:)).map { RPCValue.structure(try served.read($0, fields: fields)) }
            return (.array(records), records.count)
        case "fields_get":
            return (.structure(RPCStruct(served.fields.map { ($0.name, ["type": .string($0.type), "string": .string($0.name)] as RPCValue) })), 0)
        default:
            throw OdooServerFault.user("The simulated Odoo serves reads only (search, search_count, search_read, read, fields_get); "
                                       + "\(model).\(method) is not simulated: run writes against a real Odoo or the tests' fake one.")
        }
    }

    static func inIDOrder<Record: Identifiable>(_ records: [Record]) -> Bool where Record.ID == Int {
        zip(records, records.dropFirst()).allSatisfy { $0.id < $1.id }
    }

    /// Records come in id order (ascending unless "id desc"); any other order is refused rather than silently ignored.
    static func descending(_ order: String?) throws -> Bool {
        switch order?.lowercased().trimmingCharacters(in: .whitespaces) {
        case nil, "", "id", "id asc": return false
        case "id desc": return true
        case let other?: throw OdooServerFault.user("The simulated Odoo orders records by id only; asked for '\(other)'.")
        }
    }
}
