import Ledger
import OdooLedger
import OdooRPC

/// Lines sharing a matching number in the snapshot are reconciled together in Odoo, one call per
/// group and account (Odoo reconciles within one account). Groups already matched are left alone.
extension LedgerImportRun {
    mutating func reconcile() async throws {
        try await mapLines()
        try await restoreLabels()
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
                    report.warn("Odoo refused to reconcile matching group \(number) on account \(code): \(OdooErrorText.oneLine(error))")
                }
            }
            done += 1
            if done % 100 == 0 { progress?("account.move.line reconciled groups", done) }
        }
    }

    /// Posting an invoice recomputes its payment-term line labels from ref and payment reference
    /// ("ref - INV/2026/00001"); the snapshot's labels are written back (a label is not locked).
    mutating func restoreLabels() async throws {
        let invoiceLines = snapshot.moves.filter { $0.type.isInvoice && $0.state == .posted }
            .flatMap { linesByMove[$0.id] ?? [] }.filter { $0.kind == .paymentTerm }
        let wanted = Dictionary(invoiceLines.compactMap { line in report.odooID("account.move.line", line.id).map { ($0, line.label) } },
                                uniquingKeysWith: { a, _ in a })
        for chunk in Self.chunks(wanted.keys.sorted(), size: 2000) {
            let rows = try await client.searchRead("account.move.line", domain: [["id", "in", RPCValue(Array(chunk))]], fields: ["name"])
            for row in rows {
                guard let id = row["id"]?.int, let label = wanted[id], row["name"]?.stringValue ?? "" != label else { continue }
                do {
                    try await client.write("account.move.line", ids: [id], ["name": .string(label)], context: Self.keepLines)
                    report.countUpdate("account.move.line")
                } catch let error as OdooError where !error.isTransient {
                    report.warn("Odoo refused to restore the label '\(label)' of journal item \(id): \(OdooErrorText.oneLine(error))")
                }
            }
        }
    }
}
