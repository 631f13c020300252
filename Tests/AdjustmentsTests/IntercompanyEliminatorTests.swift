import Adjustments
import Ledger
import Testing

@Suite struct IntercompanyEliminatorTests {
    typealias Fixture = IntercompanyFixture
    let money = Fixture.money
    let closedBeta = LockDates(fiscalYear: LocalDate(iso: "2026-10-31")!)

    /// Alpha (the parent) sold 1,000.00 to Beta in October, both booked it; 2,000.00 Beta has not billed yet when `unbilled`.
    func books(betaLocks: LockDates, unbilled: Bool = false) -> (Fixture, Fixture) {
        var alpha = Fixture.alpha(), beta = Fixture.beta(lockDates: betaLocks)
        alpha.invoice("INV/2026/00010", "2026-10-12", partner: 10, 100_000)
        beta.bill("BILL/2026/10/0001", "2026-10-13", partner: 20, 100_000, ref: "INV/2026/00010")
        if unbilled { alpha.invoice("INV/2026/00012", "2026-10-20", partner: 10, 200_000) }
        return (alpha, beta)
    }

    func group(_ books: (Fixture, Fixture), consolidated: Bool = true, rules: IntercompanyRules = IntercompanyRules()) throws -> IntercompanyGroup {
        let target = consolidated ? try ConsolidationTarget(in: books.0.snapshot, journalCode: "MISC") : nil
        return IntercompanyGroup(members: [Fixture.member(books.0, key: "alpha"), Fixture.member(books.1, key: "beta", parent: "alpha")],
                                 consolidation: target, rules: rules)
    }

    func eliminate(_ group: IntercompanyGroup) -> IntercompanyElimination {
        IntercompanyEliminator(group: group).eliminate(IntercompanyMatcher(group: group).match(period: Fixture.period))
    }

    @Test func matchedPairsEliminateExactlyTheIntercompanyBalancesInTheConsolidationJournal() throws {
        let result = eliminate(try group(books(betaLocks: closedBeta)))
        #expect(result.waiting.isEmpty && result.worksheet == nil && result.notes.isEmpty)
        #expect(result.rows.map(\.outcome) == [.eliminated, .eliminated])
        let byMeasure = Dictionary(uniqueKeysWithValues: result.proposals.map { ($0.subject, $0) })
        #expect(byMeasure.keys.sorted() == ["alpha-ltd/beta-gmbh/receivable-payable", "alpha-ltd/beta-gmbh/revenue-expense"])

        let balance = try #require(byMeasure["alpha-ltd/beta-gmbh/receivable-payable"])
        #expect(balance.kind == .intercompanyElimination && balance.company.name == "Alpha Ltd")
        #expect(balance.entry.journalID == 3 && balance.entry.date == Fixture.period.end && balance.entry.isBalanced)
        // Dr payable 211000, Cr receivable 121000; reversed next month so each month eliminates its own balance.
        #expect(balance.entry.lines.map(\.accountID) == [2, 1] && balance.entry.lines.map(\.amount) == [money(100_000), money(-100_000)])
        #expect(balance.entry.reversalDate == LocalDate(iso: "2026-11-01"))
        let flow = try #require(byMeasure["alpha-ltd/beta-gmbh/revenue-expense"])
        // Dr revenue 400000, Cr expense 500000, for the month, not reversed.
        #expect(flow.entry.lines.map(\.accountID) == [3, 4] && flow.entry.total == money(100_000) && flow.entry.reversalDate == nil)
        #expect(flow.idempotencyKey == "closer.intercompany-elimination.c1.2026-10.alpha-ltd-beta-gmbh-revenue-expense")
    }

    @Test func mismatchesAreReportedNotEliminatedUnlessTheRuleSaysEliminateTheLower() throws {
        let reported = eliminate(try group(books(betaLocks: closedBeta, unbilled: true)))
        #expect(reported.rows.map(\.outcome) == [.mismatchReported, .mismatchReported])
        #expect(reported.proposals.isEmpty)

        let lower = eliminate(try group(books(betaLocks: closedBeta, unbilled: true), rules: IntercompanyRules(mismatch: .eliminateLower)))
        #expect(lower.rows.map(\.outcome) == [.eliminatedLower, .eliminatedLower])
        #expect(lower.proposals.map(\.entry.total) == [money(100_000), money(100_000)])
        let balance = try #require(lower.proposals.first)
        #expect(balance.calculation.contains { $0.description.hasPrefix("Difference") && $0.amount == money(200_000) })
        #expect(balance.evidence.map(\.name) == ["Beta GmbH, in Alpha Ltd's books", "ALPHA  ltd, in Beta GmbH's books", "INV/2026/00012"])
        #expect(balance.confidence < 0.9)
    }

    @Test func withoutAConsolidationCompanyTheEliminationsAreAWorksheet() throws {
        let result = eliminate(try group(books(betaLocks: closedBeta, unbilled: true), consolidated: false,
                                         rules: IntercompanyRules(mismatch: .eliminateLower)))
        #expect(result.proposals.isEmpty)
        #expect(result.worksheet == """
            pair,account,scope,currency,side_a,side_b,difference,elimination,status
            Alpha Ltd → Beta GmbH,receivable vs payable,balance-at-period-end,USD,3000.00,1000.00,2000.00,1000.00,eliminated-lower
            Alpha Ltd → Beta GmbH,revenue vs expense,period,USD,3000.00,1000.00,2000.00,1000.00,eliminated-lower

            """)
    }

    @Test func aParentWaitsForItsChildrensClose() throws {
        let open = eliminate(try group(books(betaLocks: LockDates(fiscalYear: LocalDate(iso: "2026-09-30")!))))
        #expect(open.proposals.isEmpty && open.rows.allSatisfy { $0.outcome == .waiting })
        let waiting = try #require(open.waiting.first)
        #expect(open.waiting.count == 1 && waiting.key == "alpha")
        #expect(waiting.openChildren.map(\.key) == ["beta"] && waiting.openChildren.first?.lockedThrough == LocalDate(iso: "2026-09-30"))
        #expect(waiting.message.contains("Beta GmbH (locked through 2026-09-30)"))

        // The hard lock closes the period as well as the fiscal-year lock.
        let closed = eliminate(try group(books(betaLocks: LockDates(hard: LocalDate(iso: "2026-10-31")!))))
        #expect(closed.waiting.isEmpty && closed.proposals.count == 2)
    }

    @Test func aMissingJournalOrAccountIsNamedAllAtOnce() {
        #expect(throws: ConsolidationSetupError(company: "Alpha Ltd", missing: ["journal CONS", "expense account 600000"])) {
            try ConsolidationTarget(in: Fixture.alpha().snapshot, journalCode: "CONS",
                                    accountCodes: EliminationAccountCodes(expense: "600000"))
        }
    }
}
