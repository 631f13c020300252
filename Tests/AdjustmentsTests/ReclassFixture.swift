import Adjustments
import Ledger

/// A tiny company for the reclass tests: vendor bills, one expense line and one payable line each,
/// in a chart of three expense accounts (611000 Utilities, 628000 Office Supplies, 631000 Consulting Fees).
struct ReclassFixture {
    static let usd = Currency(id: 1, code: .usd)
    static let utilities = 22, office = 28, consulting = 31, payable = 11
    static let bills = 2
    static let period = try! Period(parsing: "2026-10")
    static let partners = [Partner(id: 7, name: "City Power & Water"), Partner(id: 8, name: "Paper & Pens Co"), Partner(id: 9, name: "New Vendor")]

    private(set) var moves: [Move] = []
    private(set) var lines: [JournalLine] = []

    /// Adds a posted bill of `partner` booking `cents` with `label` to `account` on `date`.
    mutating func bill(_ date: String, partner: Int, account: Int, label: String, cents: Int64) {
        let id = moves.count + 1
        let day = LocalDate(iso: date)!
        let amount = Self.usd.money(cents), zero = Self.usd.zero
        moves.append(Move(id: id, name: "BILL/\(id)", state: .posted, type: .vendorBill, date: day, journalID: Self.bills, partnerID: partner,
                          currencyID: 1, amountTotal: amount, amountResidual: amount,
                          audit: RecordAudit(createdBy: nil, createdAt: Timestamp(date: day), writtenBy: nil, writtenAt: Timestamp(date: day))))
        lines.append(JournalLine(id: lines.count + 1, moveID: id, date: day, accountID: account, partnerID: partner, label: label,
                                 debit: amount, credit: zero, currencyID: 1))
        lines.append(JournalLine(id: lines.count + 1, moveID: id, date: day, accountID: Self.payable, partnerID: partner, label: "BILL/\(id)",
                                 debit: zero, credit: amount, currencyID: 1))
    }

    /// Monthly bills from `firstMonth` (1…9 of 2026) to September, all of `partner` with `label`.
    mutating func monthlyBills(from firstMonth: Int, partner: Int, account: Int, label: String) {
        for month in firstMonth...9 {
            bill("2026-0\(month)-15", partner: partner, account: account, label: label + " 2026-0\(month)", cents: 120_000 + Int64(month) * 100)
        }
    }

    var context: ProposalContext {
        let snapshot = LedgerSnapshot(
            company: Company(id: 1, name: "Tiny Co", currency: Self.usd),
            accounts: [Account(id: Self.utilities, code: "611000", name: "Utilities", type: .expense),
                       Account(id: Self.office, code: "628000", name: "Office Supplies", type: .expense),
                       Account(id: Self.consulting, code: "631000", name: "Consulting Fees", type: .expense),
                       Account(id: Self.payable, code: "211000", name: "Account Payable", type: .payable, reconcile: true)],
            journals: [Journal(id: Self.bills, code: "BILL", name: "Vendor Bills", type: .purchase),
                       Journal(id: 3, code: "MISC", name: "Miscellaneous Operations", type: .general)],
            partners: Self.partners, moves: moves, lines: lines)
        return ProposalContext(snapshot: snapshot, period: Self.period)
    }
}
