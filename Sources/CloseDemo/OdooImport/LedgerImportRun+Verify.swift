import OdooRPC
import Ledger
import OdooLedger

/// Reads back what Odoo made of each move and statement line and reports every difference from the
/// snapshot, so that nothing Odoo changed on its own (a name, a date moved out of a locked period, a
/// residual) goes unnoticed. Also states what the External API can never reproduce.
extension LedgerImportRun {
    mutating func verify() async throws {
        let home = snapshot.company.currency
        let fields = ["state", "name", "date", "amount_total_signed", "amount_residual_signed", "payment_state", "move_type"]
        let reverse = Dictionary((report.idMap["account.move"] ?? [:]).map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let moves = Dictionary(snapshot.moves.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for chunk in Self.chunks(reverse.keys.sorted(), size: 2000) {
            let rows = try await client.searchRead("account.move", domain: [["id", "in", RPCValue(Array(chunk))]], fields: fields)
            for row in rows {
                guard let id = row["id"]?.int, let move = reverse[id].flatMap({ moves[$0] }) else { continue }
                let record = OdooRecord(model: "account.move", values: row)
                let state = record.optionalString("state") ?? "?"
                let label = "Move \(move.name) (snapshot id \(move.id))"
                if state != move.state.rawValue {
                    report.warn("\(label) is '\(state)' in Odoo instead of '\(move.state)'.")
                }
                if let name = record.optionalString("name"), move.name != "/", name != move.name, state != "cancel" {
                    report.warn("\(label) is named \(name) in Odoo.")
                }
                if let date = record.optionalDate("date"), date != move.date {
                    report.warn("\(label) is dated \(date) in Odoo instead of \(move.date) (Odoo moves entries out of locked periods).")
                }
                let total = try record.money("amount_total_signed", in: home).magnitude
                if total != move.amountTotal {
                    report.warn("\(label) totals \(total) in Odoo instead of \(move.amountTotal).")
                }
                let residual = try record.money("amount_residual_signed", in: home).magnitude
                if move.type.isInvoice && move.state == .posted && residual != move.amountResidual {
                    report.warn("\(label) has \(residual) left to pay in Odoo instead of \(move.amountResidual).")
                }
                if move.type.isInvoice, move.state == .posted, let wanted = move.paymentState,
                   let got = record.optionalString("payment_state"), got != wanted.rawValue,
                   !(got == "in_payment" && wanted == .paid) {
                    report.warn("\(label) is '\(got)' in Odoo instead of '\(wanted)'.")
                }
            }
        }
        try await verifyStatementLines()
        let imported = snapshot.moves.filter { report.odooID("account.move", $0.id) != nil }
        if let first = imported.first {
            report.warn("Odoo sets create_date, create_uid, write_date and write_uid itself: the \(imported.count) imported moves "
                        + "(e.g. \(first.name)) show the import's time and user, not the snapshot's, so audit-trail and late-posting "
                        + "findings look different in Odoo.")
        }
    }

    mutating func verifyStatementLines() async throws {
        let reverse = Dictionary((report.idMap["account.bank.statement.line"] ?? [:]).map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let lines = Dictionary(snapshot.statementLines.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for chunk in Self.chunks(reverse.keys.sorted(), size: 2000) {
            let rows = try await client.searchRead("account.bank.statement.line", domain: [["id", "in", RPCValue(Array(chunk))]],
                                                   fields: ["is_reconciled"])
            for row in rows {
                guard let id = row["id"]?.int, let line = reverse[id].flatMap({ lines[$0] }) else { continue }
                let reconciled = row["is_reconciled"]?.boolValue ?? false
                if reconciled != line.isReconciled {
                    report.warn("Statement line '\(line.paymentRef ?? "")' (snapshot id \(line.id), \(line.date), \(line.amount)) is "
                                + (reconciled ? "reconciled" : "not reconciled") + " in Odoo, unlike the snapshot.")
                }
            }
        }
    }
}
