import Ledger
import OdooRPC

/// Lines sharing a matching number in the snapshot are reconciled together in Odoo, one call per
/// group and account (Odoo reconciles within one account). Groups already matched are left alone.
extension LedgerImportRun {
    mutating func reconcile() async throws {
        try await mapLines()
        var groups: [String: [JournalLine]] = [:]
        for line in snapshot.lines { if let number = line.matchingNumber { groups[number, default: []].append(line) } }
        let allIDs = groups.values.flatMap { $0 }.compactMap { report.odooID("account.move.line", $0.id) }
        var odooLines: [Int: RPCStruct] = [:]
        for chunk in Self.chunks(allIDs.sorted(), size: 2000) {
            let rows = try await client.searchRead("account.move.line", domain: [["id", "in", RPCValue(Array(chunk))]],
                                                   fields: ["matching_number", "parent_state", "account_id"])
            for row in rows { if let id = row["id"]?.int { odooLines[id] = row } }
        }
        var done = 0
        for number in groups.keys.sorted() {
            let lines = groups[number]!
            for (accountID, members) in Dictionary(grouping: lines, by: \.accountID) {
                let ids = members.compactMap { report.odooID("account.move.line", $0.id) }
                let code = snapshot.accounts.first { $0.id == accountID }?.code ?? "?"
                guard ids.count == members.count else {
                    report.warn("Matching group \(number) on account \(code) is not reconciled: some of its lines are not in Odoo.")
                    continue
                }
                guard ids.count > 1 else { continue }
                if ids.allSatisfy({ odooLines[$0]?["matching_number"]?.stringValue != nil }) { continue }
                if let draft = ids.first(where: { odooLines[$0]?["parent_state"]?.stringValue != "posted" }) {
                    report.warn("Matching group \(number) on account \(code) is not reconciled: Odoo reconciles posted entries only "
                                + "and line \(draft) is not posted.")
                    continue
                }
                do {
                    try await client.callReturningNothing("account.move.line", "reconcile", [RPCValue(ids.sorted())])
                    report.count("account.partial.reconcile", created: true)
                } catch let error as OdooError where !error.isTransient {
                    report.warn("Odoo refused to reconcile matching group \(number) on account \(code): \(Self.reason(error))")
                }
            }
            done += 1
            if done % 100 == 0 { progress?("account.move.line reconciled groups", done) }
        }
    }
}
