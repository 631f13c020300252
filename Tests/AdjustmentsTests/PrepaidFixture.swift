import Adjustments
import Ledger

/// A small company for the prepaid tests: posted vendor bills (one expense line and one payable line each) on a chart
/// with accounts whose names say their nature, a prepaid account, and a miscellaneous journal for the deferrals.
struct PrepaidFixture {
    static let usd = Currency(id: 1, code: .usd)
    static let insurance = 24, repairs = 26, audit = 27, software = 23, office = 28, prepaid = 8, payable = 11
    static let bills = 2, misc = 3
    static let period = try! Period(parsing: "2026-10")

    var dateOrder: DateOrder?
    private(set) var moves: [Move] = []
    private(set) var lines: [JournalLine] = []

    init(dateOrder: DateOrder? = nil) { self.dateOrder = dateOrder }

    /// Adds a posted bill of `partner` booking `units` (whole dollars) with `label` to `account` on `date`; returns the line's id.
    @discardableResult
    mutating func bill(_ date: String, partner: Int, account: Int, label: String, units: Int64) -> Int {
        entry(date, type: .vendorBill, journal: Self.bills, partner: partner, lines: [(account, label, units * 100), (Self.payable, "BILL", -units * 100)])
    }

    /// Adds a posted entry with (account, label, signed cents) lines; returns the first line's id.
    @discardableResult
    mutating func entry(_ date: String, type: MoveType = .entry, journal: Int = Self.misc, partner: Int?,
                        lines entryLines: [(account: Int, label: String, cents: Int64)]) -> Int {
        let id = moves.count + 1
        let day = LocalDate(iso: date)!
        let total = Self.usd.money(entryLines.filter { $0.cents > 0 }.reduce(0) { $0 + $1.cents }), zero = Self.usd.zero
        moves.append(Move(id: id, name: "\(type == .vendorBill ? "BILL" : "MISC")/\(id)", state: .posted, type: type, date: day, journalID: journal,
                          partnerID: partner, currencyID: 1, amountTotal: total, amountResidual: total,
                          audit: RecordAudit(createdBy: nil, createdAt: Timestamp(date: day), writtenBy: nil, writtenAt: Timestamp(date: day))))
        let first = lines.count + 1
        for line in entryLines {
            let amount = Self.usd.money(abs(line.cents))
            lines.append(JournalLine(id: lines.count + 1, moveID: id, date: day, accountID: line.account, partnerID: partner, label: line.label,
                                     debit: line.cents > 0 ? amount : zero, credit: line.cents > 0 ? zero : amount, currencyID: 1))
        }
        return first
    }

    /// A bill of `units` on `account` in each month from `first` to September 2026 (a cost with a run-rate, or a monthly vendor).
    mutating func monthly(partner: Int, account: Int, label: String, units: Int64, from first: Int = 1) {
        for month in first...9 { bill("2026-0\(month)-05", partner: partner, account: account, label: label + " 2026-0\(month)", units: units) }
    }

    func context(_ period: Period = Self.period, rules: AdjustmentRules = AdjustmentRules()) -> ProposalContext {
        let snapshot = LedgerSnapshot(
            company: Company(id: 1, name: "Small Co", currency: Self.usd, dateOrder: dateOrder),
            accounts: [Account(id: Self.insurance, code: "613000", name: "Insurance", type: .expense),
                       Account(id: Self.repairs, code: "615000", name: "Repairs and Maintenance", type: .expense),
                       Account(id: Self.audit, code: "622000", name: "Audit Fees", type: .expense),
                       Account(id: Self.software, code: "612000", name: "Software Subscriptions", type: .expense),
                       Account(id: Self.office, code: "628000", name: "Office Costs", type: .expense),
                       Account(id: Self.prepaid, code: "141000", name: "Prepaid Expenses", type: .prepayments),
                       Account(id: Self.payable, code: "211000", name: "Account Payable", type: .payable, reconcile: true)],
            journals: [Journal(id: Self.bills, code: "BILL", name: "Vendor Bills", type: .purchase),
                       Journal(id: Self.misc, code: "MISC", name: "Miscellaneous Operations", type: .general)],
            partners: (1...9).map { Partner(id: $0, name: "Vendor \($0)") }, moves: moves, lines: lines)
        return ProposalContext(snapshot: snapshot, period: period, rules: rules)
    }
}
