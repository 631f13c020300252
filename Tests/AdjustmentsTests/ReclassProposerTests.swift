import Adjustments
import Testing
import Ledger

/// The account-suggestion model and the reclass proposer on small hand-built ledgers.
@Suite struct ReclassProposerTests {
    @Test func aLineAgainstAConfidentHistoryIsMovedWithItsAmountPartnerAndAnalytic() throws {
        var fixture = ReclassFixture()
        fixture.monthlyBills(from: 1, partner: 7, account: ReclassFixture.utilities, label: "Electricity and water")
        fixture.bill("2026-10-14", partner: 7, account: ReclassFixture.office, label: "Electricity and water 2026-10", cents: 118_055)

        let proposals = ReclassProposer().proposals(in: fixture.context)
        let proposal = try #require(proposals.first)
        #expect(proposals.count == 1)
        #expect(proposal.subject == "line-19")
        #expect(proposal.entry.journalID == 3 && proposal.entry.date == ReclassFixture.period.end && proposal.entry.isBalanced)
        let usd = ReclassFixture.usd
        #expect(proposal.entry.lines.map(\.accountID) == [ReclassFixture.utilities, ReclassFixture.office])
        #expect(proposal.entry.lines.map(\.amount) == [usd.money(118_055), usd.money(-118_055)])
        #expect(proposal.entry.lines.allSatisfy { $0.partnerID == 7 })
        // 9 of 9 earlier bills: (9 + ½) ÷ (9 + 1).
        #expect(proposal.confidence == 0.95)
        #expect(proposal.reason.contains("9 of the 9 earlier lines of City Power & Water labelled 'electricity water' in Vendor Bills went to 611000 Utilities"))
        #expect(proposal.evidence.map(\.id) == [10, 9, 8, 7])
    }

    @Test func aVendorThatUsesTwoAccountsForTheSameLabelIsNotFlagged() {
        var fixture = ReclassFixture()
        for month in 1...9 {
            fixture.bill("2026-0\(month)-10", partner: 8, account: ReclassFixture.office, label: "Supplies", cents: 4_500)
            if month.isMultiple(of: 3) { fixture.bill("2026-0\(month)-20", partner: 8, account: ReclassFixture.consulting, label: "Supplies", cents: 4_800) }
        }
        fixture.bill("2026-10-12", partner: 8, account: ReclassFixture.consulting, label: "Supplies", cents: 4_700)

        let model = AccountSuggestionModel(fixture.context, minimumHistory: 5)
        let line = fixture.lines[fixture.lines.count - 2]
        let suggestion = model.suggestion(for: line, journalID: ReclassFixture.bills)
        // 9 of 12 to office supplies: (9 + ½) ÷ 13 ≈ 0.73, well under the 0.9 a reclass needs.
        #expect(suggestion?.accountID == ReclassFixture.office)
        #expect(suggestion.map { abs($0.probability - 9.5 / 13) < 1e-12 } == true)
        #expect(suggestion?.reason.contains("(3 to 631000 Consulting Fees)") == true)
        #expect(ReclassProposer().proposals(in: fixture.context).isEmpty)
    }

    @Test func oneEarlierLineIsNeverAConfidentPrediction() {
        var fixture = ReclassFixture()
        fixture.bill("2026-09-03", partner: 9, account: ReclassFixture.utilities, label: "Water", cents: 30_000)
        fixture.bill("2026-10-03", partner: 9, account: ReclassFixture.office, label: "Water", cents: 31_000)

        // Even when a single line is let through as history, 1 of 1 is only (1 + ½) ÷ 2 = 0.75.
        let loose = AccountSuggestionModel(fixture.context, minimumHistory: 1)
        #expect(loose.suggestion(for: fixture.lines[2], journalID: ReclassFixture.bills)?.probability == 0.75)
        let strict = AccountSuggestionModel(fixture.context, minimumHistory: 5)
        #expect(strict.suggestion(for: fixture.lines[2], journalID: ReclassFixture.bills) == nil)
        #expect(ReclassProposer().proposals(in: fixture.context).isEmpty)
    }

    @Test func aKnownVendorSellingSomethingNewGetsNoSuggestion() {
        var fixture = ReclassFixture()
        fixture.monthlyBills(from: 1, partner: 7, account: ReclassFixture.utilities, label: "Electricity and water")
        fixture.bill("2026-10-14", partner: 7, account: ReclassFixture.office, label: "Meter reading tablets", cents: 45_000)
        // Same words in another order and with the month spelled out is still the same label.
        fixture.bill("2026-10-15", partner: 7, account: ReclassFixture.office, label: "Water & electricity, October", cents: 120_500)

        let model = AccountSuggestionModel(fixture.context, minimumHistory: 5)
        #expect(model.suggestion(for: fixture.lines[18], journalID: ReclassFixture.bills) == nil)
        #expect(model.suggestion(for: fixture.lines[20], journalID: ReclassFixture.bills)?.reason.contains("labelled like 'water electricity'") == true)
        #expect(ReclassProposer().proposals(in: fixture.context).map(\.subject) == ["line-21"])
    }
}
