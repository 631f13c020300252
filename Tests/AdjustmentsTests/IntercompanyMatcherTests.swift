import Adjustments
import Ledger
import Testing

@Suite struct IntercompanyMatcherTests {
    typealias Fixture = IntercompanyFixture
    let money = Fixture.money

    /// Alpha sells to Beta: September's invoice is billed and paid, October's billed; Gamma is an outside customer.
    func agreeingBooks() -> (Fixture, Fixture) {
        var alpha = Fixture.alpha(), beta = Fixture.beta()
        alpha.invoice("INV/2026/00009", "2026-09-10", partner: 10, 50_000)
        beta.bill("BILL/2026/09/0001", "2026-09-11", partner: 20, 50_000, ref: "INV/2026/00009")
        alpha.payment("BNK1/2026/00001", "2026-10-05", partner: 10, 50_000, ref: "INV/2026/00009")
        beta.payment("BNK1/2026/00001", "2026-10-04", partner: 20, -50_000, ref: "INV/2026/00009")
        alpha.invoice("INV/2026/00010", "2026-10-12", partner: 10, 100_000)
        beta.bill("BILL/2026/10/0001", "2026-10-13", partner: 20, 100_000, ref: "inv 2026 00010")
        alpha.invoice("INV/2026/00011", "2026-10-14", partner: 11, 999_900)
        return (alpha, beta)
    }

    func comparison(_ match: IntercompanyMatch, _ measure: IntercompanyMeasure, _ scope: IntercompanyScope,
                    seller: SourceKey = "alpha") -> IntercompanyComparison? {
        match.comparisons.first { $0.sellerKey == seller && $0.measure == measure && $0.scope == scope }
    }

    @Test func agreeingBooksMatchOnEveryMeasureAndOutsideCustomersDoNotCount() throws {
        let (alpha, beta) = agreeingBooks()
        let group = IntercompanyGroup(members: [Fixture.member(alpha, key: "alpha"), Fixture.member(beta, key: "beta")])
        let match = IntercompanyMatcher(group: group).match(period: Fixture.period)

        let balance = try #require(comparison(match, .receivablePayable, .balance))
        #expect(balance.sellerAmount == money(100_000) && balance.buyerAmount == money(100_000) && balance.status == .matched)
        #expect(balance.explanations.isEmpty)
        let month = try #require(comparison(match, .revenueExpense, .period))
        #expect(month.sellerAmount == money(100_000) && month.status == .matched)
        let yearToDate = try #require(comparison(match, .revenueExpense, .yearToDate))
        #expect(yearToDate.sellerAmount == money(150_000) && yearToDate.buyerAmount == money(150_000))
        // Beta sells nothing to Alpha.
        #expect(!match.comparisons.contains { $0.sellerKey == "beta" })
        #expect(match.mismatches.isEmpty && match.notes.isEmpty)
    }

    @Test func mismatchesAreExplainedByTheirDocumentsAndTheExplanationsAddUp() throws {
        var (alpha, beta) = agreeingBooks()
        alpha.invoice("INV/2026/00012", "2026-10-20", partner: 10, 200_000)                    // never billed by Beta
        alpha.invoice("INV/2026/00013", "2026-10-21", partner: 10, 70_000)
        beta.bill("BILL/2026/10/0002", "2026-10-22", partner: 20, 65_000, ref: "INV/2026/00013") // keyed 50.00 short
        alpha.invoice("INV/2026/00014", "2026-10-30", partner: 10, 30_000)
        beta.bill("BILL/2026/11/0001", "2026-11-02", partner: 20, 30_000, ref: "INV/2026/00014") // billed after the period
        beta.bill("BILL/2026/10/0003", "2026-10-25", partner: 20, 4_000, ref: "ALPHA-FREIGHT-7")  // Alpha never invoiced it
        let group = IntercompanyGroup(members: [Fixture.member(alpha, key: "alpha"), Fixture.member(beta, key: "beta")])
        let match = IntercompanyMatcher(group: group).match(period: Fixture.period)

        let balance = try #require(comparison(match, .receivablePayable, .balance))
        #expect(balance.status == .mismatched)
        #expect(balance.sellerAmount == money(400_000) && balance.buyerAmount == money(169_000) && balance.difference == money(231_000))
        let byDocument = Dictionary(uniqueKeysWithValues: balance.explanations.map {
            (($0.sellerDocument ?? $0.buyerDocument)!.move.name, "\($0.kind.rawValue) \($0.amount.decimalText)")
        })
        #expect(byDocument == ["INV/2026/00012": "missing-at-buyer 2000.00", "INV/2026/00013": "amounts-differ 50.00",
                               "INV/2026/00014": "timing 300.00", "BILL/2026/10/0003": "missing-at-seller -40.00"])
        #expect(balance.explanations.reduce(money(0)) { $0 + $1.amount } == balance.difference)
        let shortBill = try #require(balance.explanations.first { $0.kind == .amountsDiffer })
        #expect(shortBill.buyerDocument?.move.name == "BILL/2026/10/0002")
        #expect(shortBill.message.contains("INV/2026/00013") && shortBill.message.contains("650.00 USD"))

        // The same documents explain the month's revenue against expense.
        let month = try #require(comparison(match, .revenueExpense, .period))
        #expect(month.difference == money(231_000))
        #expect(month.explanations.reduce(money(0)) { $0 + $1.amount } == month.difference)
    }

    @Test func partnersAreFoundByCompanyNameOrMappedExplicitly() throws {
        var alpha = IntercompanyFixture(id: 1, name: "Alpha Ltd", partners: [Partner(id: 10, name: "Beta (intercompany)")])
        var beta = Fixture.beta()
        alpha.invoice("INV/2026/00010", "2026-10-12", partner: 10, 100_000)
        beta.bill("BILL/2026/10/0001", "2026-10-13", partner: 20, 100_000, ref: "INV/2026/00010")

        // By name, Beta finds "ALPHA  ltd" (case and spacing ignored), but Alpha has no partner named Beta GmbH.
        let byName = IntercompanyMatcher(group: IntercompanyGroup(members: [Fixture.member(alpha, key: "alpha"), Fixture.member(beta, key: "beta")]))
            .match(period: Fixture.period)
        let betaLink = try #require(byName.partnerLinks.first { $0.holderKey == "beta" })
        #expect(betaLink.basis == .name && betaLink.partnerIDs == [20])
        #expect(byName.partnerLinks.first { $0.holderKey == "alpha" }?.basis == .unmapped)
        let unmapped = try #require(comparison(byName, .receivablePayable, .balance))
        #expect(unmapped.status == .partnerUnmapped && unmapped.sellerAmount == nil && unmapped.buyerAmount == money(100_000))
        #expect(byName.notes.contains { $0.contains("No partner in Alpha Ltd's books is named Beta GmbH") })

        let explicit = IntercompanyMatcher(group: IntercompanyGroup(members: [
            Fixture.member(alpha, key: "alpha", partners: ["beta": [10]]), Fixture.member(beta, key: "beta"),
        ])).match(period: Fixture.period)
        #expect(explicit.partnerLinks.first { $0.holderKey == "alpha" }?.basis == .explicit)
        #expect(try #require(comparison(explicit, .receivablePayable, .balance)).status == .matched)
        #expect(explicit.notes.isEmpty)
    }

    @Test func membersInDifferentCurrenciesAreShownSideBySideNotCompared() throws {
        var alpha = Fixture.alpha()
        var beta = IntercompanyFixture(id: 2, name: "Beta GmbH", partners: [Partner(id: 20, name: "Alpha Ltd")], currency: Currency(id: 2, code: .eur))
        alpha.invoice("INV/2026/00010", "2026-10-12", partner: 10, 108_000)
        beta.bill("BILL/2026/10/0001", "2026-10-13", partner: 20, 100_000, ref: "INV/2026/00010")
        let match = IntercompanyMatcher(group: IntercompanyGroup(members: [Fixture.member(alpha, key: "alpha"), Fixture.member(beta, key: "beta")]))
            .match(period: Fixture.period)
        let balance = try #require(comparison(match, .receivablePayable, .balance))
        #expect(balance.status == .currenciesDiffer && balance.difference == nil && balance.explanations.isEmpty)
        #expect(balance.buyerAmount == Money(minorUnits: 100_000, currency: .eur))
        #expect(match.notes.contains { $0.contains("no currency translation") })
    }
}
