@testable import CloseChecks
import Ledger
import Testing

@Suite struct TrialBalanceTests {
    let usd = Currency(id: 1, code: .usd)

    func entry(_ id: Int, _ date: String, state: MoveState = .posted, debit account: Int, credit other: Int, _ cents: Int64) -> (Move, [JournalLine]) {
        let day = LocalDate(iso: date)!
        let stamp = Timestamp(date: day)
        let move = Move(id: id, name: "E\(id)", state: state, type: .entry, date: day, journalID: 1, currencyID: 1,
                        amountTotal: usd.money(cents), amountResidual: usd.zero,
                        audit: RecordAudit(createdBy: nil, createdAt: stamp, writtenBy: nil, writtenAt: stamp))
        return (move, [
            JournalLine(id: id * 2, moveID: id, date: day, accountID: account, label: "", debit: usd.money(cents), credit: usd.zero, currencyID: 1),
            JournalLine(id: id * 2 + 1, moveID: id, date: day, accountID: other, label: "", debit: usd.zero, credit: usd.money(cents), currencyID: 1),
        ])
    }

    @Test func opensClosesAndIgnoresDrafts() throws {
        let entries = [
            entry(1, "2025-11-15", debit: 10, credit: 40, 50_000),   // prior fiscal year sale: income restarts, bank carries
            entry(2, "2026-09-10", debit: 10, credit: 40, 20_000),   // this fiscal year, before the period
            entry(3, "2026-10-05", debit: 60, credit: 10, 7_500),    // expense paid in the period
            entry(4, "2026-10-06", state: .draft, debit: 60, credit: 10, 99_900),
            entry(5, "2026-11-01", debit: 60, credit: 10, 1_000),    // after the period
        ]
        let snapshot = LedgerSnapshot(
            company: Company(id: 1, name: "T", currency: usd),
            accounts: [Account(id: 10, code: "101401", name: "Bank", type: .bankAndCash),
                       Account(id: 40, code: "400000", name: "Sales", type: .income),
                       Account(id: 60, code: "600000", name: "Rent", type: .expense)],
            moves: entries.map(\.0), lines: entries.flatMap(\.1))
        let balance = TrialBalance(snapshot: snapshot, period: try Period(parsing: "2026-10"))
        let rows = Dictionary(uniqueKeysWithValues: balance.rows.map { ($0.code, $0) })
        #expect(rows["101401"]?.opening.minorUnits == 70_000)
        #expect(rows["101401"]?.credit.minorUnits == 7_500)
        #expect(rows["101401"]?.closing.minorUnits == 62_500)
        #expect(rows["400000"]?.opening.minorUnits == -20_000)
        #expect(rows["600000"]?.debit.minorUnits == 7_500)
        #expect(balance.isBalanced && balance.totalDebit.minorUnits == 7_500)
    }

    @Test func fiscalYearsFollowTheCompany() {
        var company = Company(id: 1, name: "T", currency: usd, fiscalYearEndMonth: 3, fiscalYearEndDay: 31)
        #expect(FiscalYear.start(containing: LocalDate(iso: "2026-10-15")!, company: company).description == "2026-04-01")
        #expect(FiscalYear.start(containing: LocalDate(iso: "2026-02-15")!, company: company).description == "2025-04-01")
        company.fiscalYearEndMonth = 12
        #expect(FiscalYear.start(containing: LocalDate(iso: "2026-12-31")!, company: company).description == "2026-01-01")
    }
}
