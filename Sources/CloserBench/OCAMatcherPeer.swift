import Foundation
import Ledger

/// Bank matching against its peer in one run: OCA's rule-based matcher (account_reconcile_model_oca for
/// Odoo 18, the `_apply_rules` its reconciliation widget calls per statement line) on the same synthetic
/// ledger as `closer-bench match`, loaded into a scratch Odoo database by scripts/bench-oca-matcher.sh, then
/// Closer's matcher on that ledger. Odoo is slow to load thousands of invoices, so the size is small
/// (default 1,000 lines against 2,000 invoices); per line, the ratio holds at any size Closer runs.
///   .build/release/closer-bench match-oca [SIZE]
enum OCAMatcherPeer {
    static let ledgerPath = "/tmp/closer-bench-match.json"

    struct Figure: Decodable {
        var lines: Int
        var seconds: Double
        var right: Int
        var loadSeconds: Double
        var models: [String]
    }

    static func run(size: Int, script: URL) throws {
        let (snapshot, paid) = MatchBenchmark.ledger(statementLines: size)
        try JSONSerialization.data(withJSONObject: ledgerJSON(snapshot, paid: paid)).write(to: URL(fileURLWithPath: ledgerPath))
        let closer = MatchBenchmark.measure(snapshot, paid: paid, runs: 3)
        print(String(format: "Closer: %@ statement lines against %@ open items in %.1f ms (median of 3) = %.4f ms a line, top candidate right for %d",
                     size.formatted(), (2 * size).formatted(), closer.seconds * 1000, closer.seconds * 1000 / Double(size), closer.right))
        guard let output = PeerProcess.output([script.path, ledgerPath]),
              let line = output.split(separator: "\n").last,
              let oca = try? JSONDecoder().decode(Figure.self, from: Data(line.utf8)) else {
            print("   peer: the OCA matcher did not run; by hand: \(script.path) \(ledgerPath) (after scripts/odoo-dev-server.sh)")
            return
        }
        let ocaPerLine = oca.seconds * 1000 / Double(oca.lines)
        print(String(format: "OCA account_reconcile_model_oca (%@): %.1f s = %.2f ms a line, top candidate right for %d (loading the ledger into Odoo: %.0f s)",
                     oca.models.joined(separator: ", "), oca.seconds, ocaPerLine, oca.right, oca.loadSeconds))
        print(String(format: "   ratio, same ledger, same run: Closer %.0f× faster a line", ocaPerLine / (closer.seconds * 1000 / Double(size))))
    }

    /// What the peer script reads: partners with their bank account, invoices, and statement lines with
    /// the invoices each one pays (synthetic invoice id = its move id = its receivable line id).
    static func ledgerJSON(_ snapshot: LedgerSnapshot, paid: [[Int]]) -> [String: Any] {
        let lineOfMove = Dictionary(uniqueKeysWithValues: snapshot.lines.map { ($0.moveID, $0) })
        return [
            "partners": snapshot.partners.map { ["id": $0.id, "name": $0.name, "bankAccount": $0.bankAccounts.first ?? ""] as [String: Any] },
            "invoices": snapshot.moves.map { move -> [String: Any] in
                ["id": move.id, "name": move.name, "partner": move.partnerID ?? 0, "date": move.date.description,
                 "due": (move.dueDate ?? move.date).description, "cents": lineOfMove[move.id]?.debit.minorUnits ?? 0]
            },
            "statementLines": zip(snapshot.statementLines, paid).map { line, pays -> [String: Any] in
                ["id": line.id, "date": line.date.description, "ref": line.paymentRef ?? NSNull(),
                 "partnerName": line.partnerName ?? NSNull(), "accountNumber": line.accountNumber ?? NSNull(),
                 "cents": line.amount.minorUnits, "pays": pays]
            },
        ]
    }
}
