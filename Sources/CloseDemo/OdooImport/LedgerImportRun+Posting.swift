import Ledger
import OdooLedger
import OdooRPC

/// Brings each move to the snapshot's state: posts the posted ones (in batches, then one by one
/// when Odoo refuses a batch) and cancels the cancelled ones. Everything Odoo refuses is reported.
extension LedgerImportRun {
    mutating func postAndCancel() async throws {
        let states = try await odooStates()
        var toPost: [Move] = [], toCancel: [Move] = []
        for move in snapshot.moves {
            guard let id = report.odooID("account.move", move.id), let state = states[id]?.state, state == "draft" else { continue }
            if move.state == .posted { toPost.append(move) } else if move.state == .cancelled { toCancel.append(move) }
        }
        // Odoo numbers and checks sequences in date order; posting in that order keeps gaps meaningful.
        toPost.sort { ($0.date, $0.id) < ($1.date, $1.id) }
        var done = 0
        for chunk in Self.chunks(toPost, size: batchSize) {
            let ids = chunk.compactMap { report.odooID("account.move", $0.id) }
            do {
                try await client.callReturningNothing("account.move", "action_post", [RPCValue(ids)], ["context": .structure(Self.keepLines)])
            } catch let error as OdooError where !error.isTransient {
                for move in chunk { try await postAlone(move) }
            }
            done += chunk.count
            progress?("account.move posted", done)
        }
        for chunk in Self.chunks(toCancel, size: batchSize) {
            let ids = chunk.compactMap { report.odooID("account.move", $0.id) }
            do {
                try await client.callReturningNothing("account.move", "button_cancel", [RPCValue(ids)], ["context": .structure(Self.keepLines)])
            } catch let error as OdooError where !error.isTransient {
                for move in chunk {
                    guard let id = report.odooID("account.move", move.id) else { continue }
                    do {
                        try await client.callReturningNothing("account.move", "button_cancel", [RPCValue([id])], ["context": .structure(Self.keepLines)])
                    } catch let error as OdooError where !error.isTransient {
                        report.warn("Odoo refused to cancel move \(move.name) (snapshot id \(move.id)): \(OdooErrorText.oneLine(error))")
                    }
                }
            }
        }
    }

    /// A move Odoo will not post under its snapshot name (a duplicate number, or a number that does
    /// not match its date) is posted under Odoo's next number instead, and that is reported.
    mutating func postAlone(_ move: Move) async throws {
        guard let id = report.odooID("account.move", move.id) else { return }
        let client = self.client
        let post: @Sendable () async throws -> Void = {
            try await client.callReturningNothing("account.move", "action_post", [RPCValue([id])], ["context": .structure(Self.keepLines)])
        }
        do {
            try await post()
        } catch let error as OdooError where !error.isTransient {
            let first = OdooErrorText.oneLine(error)
            guard move.name != "/" else {
                report.warn("Odoo refused to post move (snapshot id \(move.id), \(move.date)); it stays in draft: \(first)")
                return
            }
            do {
                try await client.write("account.move", ids: [id], ["name": false], context: Self.keepLines)
                try await post()
                let given = try await client.read("account.move", ids: [id], fields: ["name"]).first?["name"]?.stringValue ?? "?"
                report.warn("Odoo refused to post move \(move.name) (snapshot id \(move.id)) under that name (\(first)); it was posted as \(given).")
            } catch let error as OdooError where !error.isTransient {
                report.warn("Odoo refused to post move \(move.name) (snapshot id \(move.id), \(move.date)); it stays in draft: \(OdooErrorText.oneLine(error))")
            }
        }
    }

    func odooStates() async throws -> [Int: (state: String, name: String, date: String)] {
        let ids = (report.idMap["account.move"] ?? [:]).values.sorted()
        var result: [Int: (state: String, name: String, date: String)] = [:]
        for chunk in Self.chunks(ids, size: 2000) {
            let rows = try await client.searchRead("account.move", domain: [["id", "in", RPCValue(Array(chunk))]], fields: ["state", "name", "date"])
            for row in rows {
                guard let id = row["id"]?.int else { continue }
                result[id] = (row["state"]?.stringValue ?? "", row["name"]?.stringValue ?? "/", row["date"]?.stringValue ?? "")
            }
        }
        return result
    }
}
