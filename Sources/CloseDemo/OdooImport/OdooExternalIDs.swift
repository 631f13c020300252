import OdooLedger
import OdooRPC

/// Odoo's own idempotency keys: ir.model.data rows (module = the import tag, name = "<kind>_<id>").
/// A re-run loads them once and creates only what has no row yet, so an interrupted run resumes.
/// The record and its row are written by two calls; a crash between them can leave one orphan
/// record per batch, which the next run does not see (reported as a known limitation).
struct OdooExternalIDs {
    let client: OdooClient
    let module: String
    private(set) var known: [String: (model: String, id: Int)] = [:]

    init(client: OdooClient, module: String) {
        self.client = client
        self.module = module
    }

    static func name(_ kind: String, _ snapshotID: Int) -> String { "\(kind)_\(snapshotID)" }

    mutating func load() async throws {
        let rows = try await client.searchRead("ir.model.data", domain: [["module", "=", .string(module)]],
                                               fields: ["name", "model", "res_id"])
        for row in rows {
            if let name = row["name"]?.stringValue, let model = row["model"]?.stringValue, let id = row["res_id"]?.int {
                known[name] = (model, id)
            }
        }
        // Rows of records deleted since (by hand, or a reset) must not count as "already imported".
        for model in Set(known.values.map(\.model)) {
            let ids = known.values.filter { $0.model == model }.map(\.id)
            let alive = Set(try await client.existing(model, ids: ids))
            known = known.filter { $0.value.model != model || alive.contains($0.value.id) }
        }
    }

    func id(_ kind: String, _ snapshotID: Int, model: String) -> Int? {
        guard let entry = known[Self.name(kind, snapshotID)], entry.model == model else { return nil }
        return entry.id
    }

    /// Registers rows for (kind, snapshot id, odoo id) triples in one create call.
    mutating func register(_ kind: String, model: String, _ pairs: [(snapshotID: Int, odooID: Int)]) async throws {
        let fresh = pairs.filter { known[Self.name(kind, $0.snapshotID)] == nil }
        guard !fresh.isEmpty else { return }
        let rows: [RPCStruct] = fresh.map { pair in
            ["module": .string(module), "name": .string(Self.name(kind, pair.snapshotID)), "model": .string(model),
             "res_id": RPCValue(pair.odooID), "noupdate": true]
        }
        _ = try await client.create("ir.model.data", rows)
        for pair in fresh { known[Self.name(kind, pair.snapshotID)] = (model, pair.odooID) }
    }
}
