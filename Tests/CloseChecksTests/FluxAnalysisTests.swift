@testable import CloseChecks
import DemoCompany
import Ledger
import Testing

@Suite struct FluxAnalysisTests {
    let usd = Currency(id: 1, code: .usd)

    func bill(_ id: Int, _ name: String, _ date: String, state: MoveState = .posted, account: Int, partner: Int?, _ cents: Int64) -> (Move, [JournalLine]) {
        let day = LocalDate(iso: date)!
        let stamp = Timestamp(date: day)
        let move = Move(id: id, name: name, state: state, type: .vendorBill, date: day, journalID: 1, partnerID: partner, currencyID: 1,
                        amountTotal: usd.money(cents), amountResidual: usd.zero,
                        audit: RecordAudit(createdBy: nil, createdAt: stamp, writtenBy: nil, writtenAt: stamp))
        return (move, [
            JournalLine(id: id * 2, moveID: id, date: day, accountID: account, partnerID: partner, label: "", debit: usd.money(cents), credit: usd.zero, currencyID: 1),
            JournalLine(id: id * 2 + 1, moveID: id, date: day, accountID: 20, partnerID: partner, label: "", debit: usd.zero, credit: usd.money(cents), currencyID: 1),
        ])
    }

    var snapshot: LedgerSnapshot {
        let entries = [
            bill(1, "BILL/2026/09/0001", "2026-09-10", account: 60, partner: 1, 100_000),
            bill(2, "BILL/2026/10/0031", "2026-10-03", account: 60, partner: 1, 600_000),
            bill(3, "BILL/2026/10/0032", "2026-10-04", account: 60, partner: 2, 100_000),
            bill(4, "BILL/2026/10/0033", "2026-10-05", account: 60, partner: 1, 50_000),
            bill(5, "BILL/2026/10/0034", "2026-10-06", account: 60, partner: 3, 20_000),
            bill(6, "BILL/2026/10/0035", "2026-10-07", state: .draft, account: 60, partner: 1, 9_999_900),
            // Rent: +5,999.00 is over 5,000.00 but 19.997 % is under 20 %: not listed.
            bill(10, "BILL/2026/09/0010", "2026-09-01", account: 65, partner: 4, 3_000_000),
            bill(11, "BILL/2026/10/0011", "2026-10-01", account: 65, partner: 4, 3_599_900),
            // Travel: exactly +5,000.00 and +20 %: listed.
            bill(20, "BILL/2025/10/0020", "2025-10-12", account: 70, partner: 5, 3_000_000),
            bill(21, "BILL/2026/09/0021", "2026-09-12", account: 70, partner: 5, 2_500_000),
            bill(22, "BILL/2026/10/0022", "2026-10-12", account: 70, partner: 5, 3_000_000),
            // Bank fees: from zero, but 4,999.99 is under 5,000.00: not listed.
            bill(30, "BILL/2026/10/0030", "2026-10-20", account: 75, partner: nil, 499_999),
        ]
        return LedgerSnapshot(
            company: Company(id: 1, name: "T", currency: usd),
            accounts: [Account(id: 20, code: "211000", name: "Payables", type: AccountType(rawValue: "liability_payable")),
                       Account(id: 60, code: "628000", name: "Office Supplies", type: .expense),
                       Account(id: 65, code: "613000", name: "Rent", type: .expense),
                       Account(id: 70, code: "625000", name: "Travel", type: .expense),
                       Account(id: 75, code: "627000", name: "Bank Fees", type: .expense)],
            partners: [Partner(id: 1, name: "Staples Office Supply"), Partner(id: 2, name: "Desk Depot"), Partner(id: 3, name: "Paper Co"),
                       Partner(id: 4, name: "Harbor Properties"), Partner(id: 5, name: "Travel Co")],
            moves: entries.map(\.0), lines: entries.flatMap(\.1))
    }

    @Test func exactVariancesThresholdsDriversAndNarratives() throws {
        let flux = FluxAnalysis(snapshot: snapshot, period: try Period(parsing: "2026-10"), thresholds: FluxThresholds())
        let prior = Dictionary(uniqueKeysWithValues: flux.variances(.priorPeriod).map { ($0.code, $0) })
        #expect(prior["613000"] == nil)   // just below the relative threshold
        #expect(prior["627000"] == nil)   // just below the absolute threshold
        #expect(flux.variances.allSatisfy { $0.code != "627000" })

        let office = try #require(prior["628000"])
        #expect(office.current.minorUnits == 770_000 && office.base.minorUnits == 100_000 && office.delta.minorUnits == 670_000)
        #expect(office.topEntries.map(\.name) == ["BILL/2026/10/0031", "BILL/2026/10/0032", "BILL/2026/10/0033"])
        #expect(office.topEntries.map(\.amount.minorUnits) == [600_000, 100_000, 50_000])
        #expect(office.topPartners.map(\.name) == ["Staples Office Supply", "Desk Depot", "Paper Co"])
        #expect(office.topPartners.map(\.amount.minorUnits) == [650_000, 100_000, 20_000])
        #expect(office.narrative == "Office Supplies (628000) rose 6,700.00 USD (+670 %) against 2026-09, "
                + "driven by BILL/2026/10/0031 (Staples Office Supply, 6,000.00).")

        let travel = try #require(prior["625000"])   // exactly at both thresholds
        #expect(travel.delta.minorUnits == 500_000)
        #expect(travel.narrative == "Travel (625000) rose 5,000.00 USD (+20 %) against 2026-09, driven by BILL/2026/10/0022 (Travel Co, 30,000.00).")

        let payables = try #require(prior["211000"])
        // A liability grows with credits: more payables read as "rose", in the account's natural direction.
        #expect(payables.nature == .credit && office.nature == .debit)
        #expect(payables.delta.minorUnits == 670_000 + 500_000 + 599_900 + 499_999)
        #expect(payables.narrative == ("Payables (211000) rose 22,698.99 USD (+41 %) against 2026-09, driven by BILL/2026/10/0011 (Harbor Properties, 35,999.00)."))

        let lastYear = Dictionary(uniqueKeysWithValues: flux.variances(.samePeriodLastYear).map { ($0.code, $0) })
        #expect(lastYear["625000"] == nil)   // same as October 2025
        #expect(lastYear["628000"]?.percent == nil)
        #expect(lastYear["628000"]?.narrative.contains("rose 7,700.00 USD (from zero) against 2025-10") == true)
        #expect(lastYear["613000"]?.delta.minorUnits == 3_599_900)

        let ytd = Dictionary(uniqueKeysWithValues: flux.variances(.yearToDate).map { ($0.code, $0) })
        let travelYTD = try #require(ytd["625000"])
        #expect(travelYTD.current.minorUnits == 5_500_000 && travelYTD.base.minorUnits == 3_000_000)
        #expect(travelYTD.baseLabel == "2025-01-01..2025-10-31")
        #expect(ytd["628000"]?.delta.minorUnits == 870_000)

        // Ordered by comparison, then by the size of the change.
        #expect(flux.variances(.priorPeriod).map(\.code) == ["211000", "628000", "625000"])
    }

    @Test func revenueThatGrowsRisesAndTheScopeFiltersAccounts() throws {
        var ledger = snapshot
        ledger.accounts.append(Account(id: 40, code: "400000", name: "Product Sales", type: .income))
        ledger.accounts.append(Account(id: 12, code: "121000", name: "Receivables", type: .receivable))
        for (id, date, cents) in [(90, "2026-09-15", Int64(1_000_000)), (91, "2026-10-15", 3_000_000)] {
            let day = LocalDate(iso: date)!
            let stamp = Timestamp(date: day)
            ledger.moves.append(Move(id: id, name: "INV/\(id)", state: .posted, type: .customerInvoice, date: day, journalID: 2, partnerID: 1,
                                     currencyID: 1, amountTotal: usd.money(cents), amountResidual: usd.money(cents),
                                     audit: RecordAudit(createdBy: nil, createdAt: stamp, writtenBy: nil, writtenAt: stamp)))
            ledger.lines += [
                JournalLine(id: id * 2, moveID: id, date: day, accountID: 12, partnerID: 1, label: "", debit: usd.money(cents), credit: usd.zero, currencyID: 1),
                JournalLine(id: id * 2 + 1, moveID: id, date: day, accountID: 40, partnerID: 1, label: "", debit: usd.zero, credit: usd.money(cents), currencyID: 1),
            ]
        }
        let period = try Period(parsing: "2026-10")
        let all = FluxAnalysis(snapshot: ledger, period: period)
        let sales = try #require(all.variances(.priorPeriod).first { $0.code == "400000" })
        #expect(sales.nature == .credit && sales.current.minorUnits == 3_000_000 && sales.delta.minorUnits == 2_000_000)
        #expect(sales.narrative.hasPrefix("Product Sales (400000) rose 20,000.00 USD (+200 %) against 2026-09, driven by INV/91"))

        let profitAndLoss = FluxAnalysis(snapshot: ledger, period: period, thresholds: FluxThresholds(scope: .profitAndLoss))
        #expect(Set(profitAndLoss.variances.map(\.code)) == ["400000", "628000", "625000", "613000"])
        let balanceSheet = FluxAnalysis(snapshot: ledger, period: period, thresholds: FluxThresholds(scope: .balanceSheet))
        #expect(Set(balanceSheet.variances.map(\.code)) == ["121000", "211000"])
    }

    @Test func thresholdArithmetic() {
        let thresholds = FluxThresholds()
        #expect(thresholds.isMaterial(delta: 500_000, base: 2_500_000))
        #expect(!thresholds.isMaterial(delta: 499_999, base: 0))
        #expect(thresholds.isMaterial(delta: -500_000, base: 0))
        #expect(!thresholds.isMaterial(delta: 599_900, base: -3_000_000))
        #expect(thresholds.isMaterial(delta: .max / 2, base: .max / 2))
        // The absolute threshold is in whole currency units: 5,000 JPY (no decimals) is 5_000 minor units.
        #expect(thresholds.isMaterial(delta: 5_000, base: 0, decimalPlaces: 0))
        #expect(!thresholds.isMaterial(delta: 5_000, base: 0, decimalPlaces: 2))
        #expect(!FluxThresholds(absolute: .max).isMaterial(delta: .max, base: 0), "an absolute threshold too large to scale is never reached")
    }

    @Test func demoCompanyUnusualAmountsShowAgainstThePriorPeriod() throws {
        let book = DemoCompany.generate()
        let truth = book.groundTruth
        let planted = truth.problems(of: "unusual-amount")
        #expect(planted.count == 2)
        let lines = Dictionary(uniqueKeysWithValues: book.snapshot.lines.map { ($0.id, $0) })
        let flux = FluxAnalysis(snapshot: book.snapshot, period: truth.period, thresholds: FluxThresholds(absolute: 1_000, relativePercent: 20))
        let prior = flux.variances(.priorPeriod)
        for problem in planted {
            let line = try #require(lines[problem.records[0].id], "\(problem.detail)")
            let variance = prior.first { $0.accountID == line.accountID }
            print("[flux] \(problem.detail) → \(variance?.narrative ?? "no variance")")
            let found = try #require(variance, "\(problem.detail)")
            #expect(found.delta.minorUnits > 0)
            #expect(found.topEntries.contains { $0.id == line.moveID }, "\(problem.detail): \(found.topEntries.map(\.name))")
            #expect(found.topEntries.first?.id == line.moveID)
            #expect(found.narrative.contains(found.topEntries[0].name))
        }
        let travel = try #require(lines[planted[1].records[0].id])
        let defaults = FluxAnalysis(snapshot: book.snapshot, period: truth.period)
        #expect(defaults.variances(.priorPeriod).contains { $0.accountID == travel.accountID && $0.topEntries.first?.id == travel.moveID })
    }
}
