import Ledger
import FoundationEssentials

/// A two-entry ledger small enough to reason about by hand.
enum LedgerFixture {
    static let usd = Currency(id: 1, code: .usd, decimalPlaces: 2)
    static let company = Company(id: 1, name: "Fixture Co", currency: usd)
    static let window = DateRange(LocalDate(year: 2026, month: 10, day: 1)!, LocalDate(year: 2026, month: 10, day: 31)!)

    static func audit(_ written: String = "2026-10-05 09:00:00") -> RecordAudit {
        RecordAudit(createdBy: UserRef(id: 2, name: "Admin"), createdAt: Timestamp(odoo: "2026-10-05 09:00:00")!,
                    writtenBy: UserRef(id: 2, name: "Admin"), writtenAt: Timestamp(odoo: written)!)
    }

    static func move(_ id: Int, state: MoveState = .posted, amount: Int64 = 10_000, written: String = "2026-10-05 09:00:00") -> (Move, [JournalLine]) {
        let date = LocalDate(year: 2026, month: 10, day: 5)!
        let move = Move(id: id, name: "MISC/2026/10/000\(id)", state: state, type: .entry, date: date, journalID: 3, currencyID: 1,
                        amountTotal: usd.money(amount), amountResidual: usd.zero, audit: audit(written))
        let lines = [
            JournalLine(id: id * 10, moveID: id, date: date, accountID: 600, label: "Rent", debit: usd.money(amount), credit: usd.zero,
                        currencyID: 1, analytic: AnalyticDistribution([.init(accountIDs: [4, 7], percent: 60), .init(accountIDs: [5], percent: 40)])),
            JournalLine(id: id * 10 + 1, moveID: id, date: date, accountID: 101, label: "Rent", debit: usd.zero, credit: usd.money(amount), currencyID: 1),
        ]
        return (move, lines)
    }

    static func result(_ entries: [(Move, [JournalLine])], allIDs: [Int]? = nil) -> PullResult {
        let snapshot = LedgerSnapshot(
            company: company, currencies: [usd],
            accounts: [Account(id: 101, code: "101401", name: "Bank", type: .bankAndCash), Account(id: 600, code: "600000", name: "Rent", type: .expense)],
            journals: [Journal(id: 3, code: "MISC", name: "Miscellaneous", type: .general)],
            moves: entries.map(\.0), lines: entries.flatMap(\.1))
        return PullResult(snapshot: snapshot, moveIDsInWindow: allIDs ?? entries.map(\.0.id),
                          cursor: entries.map(\.0.audit.writtenAt).max())
    }
}
