@testable import Adjustments
import Ledger
import Testing

@Suite struct PrepaidDeferralProposerTests {
    typealias F = PrepaidFixture

    @Test func theUnusedPartMovesToPrepaidAndIsReleasedFromTheNextMonth() throws {
        var fixture = PrepaidFixture()
        fixture.bill("2026-10-06", partner: 2, account: F.insurance, label: "Liability cover 2026-10 to 2027-09", units: 12_000)
        let proposals = PrepaidDeferralProposer().proposals(in: fixture.context())
        let proposal = try #require(proposals.first)
        #expect(proposals.count == 1 && proposal.kind == .deferral)
        #expect(proposal.entry.isBalanced && proposal.entry.date == F.period.end)
        let prepaid = try #require(proposal.entry.lines.first { $0.accountID == F.prepaid })
        let expense = try #require(proposal.entry.lines.first { $0.accountID == F.insurance })
        #expect(prepaid.amount == F.usd.money(1_100_000) && expense.amount == F.usd.money(-1_100_000))
        #expect(prepaid.label == "Liability cover 2026-11 to 2027-09")
        #expect(proposal.calculation.contains { $0.description.contains("released 11 months from 2026-11") })
        let candidate = try #require(PrepaidExpenseDetector().candidates(in: fixture.context()).first)
        #expect(proposal.confidence == candidate.confidence && proposal.reason == candidate.reason)

        // Once the deferral is posted, next month's close releases a twelfth of the year back to the insurance account.
        fixture.entry("2026-10-31", partner: 2, lines: proposal.entry.lines.map { ($0.accountID, $0.label, $0.amount.minorUnits) })
        let november = F.period.next
        let releases = DeferralReleaseProposer().proposals(in: fixture.context(november))
        let release = try #require(releases.first)
        #expect(releases.count == 1)
        #expect(release.entry.lines.first { $0.accountID == F.insurance }?.amount == F.usd.money(100_000))
        // …and the bill is not proposed for deferral again.
        #expect(PrepaidDeferralProposer().proposals(in: fixture.context(november)).isEmpty)
    }

    @Test func aChartWithoutAPrepaidAccountGetsAFindingButNoProposal() {
        var fixture = PrepaidFixture()
        fixture.bill("2026-10-06", partner: 2, account: F.insurance, label: "Liability cover 2026-10 to 2027-09", units: 12_000)
        var rules = AdjustmentRules()
        rules.deferrals.prepaidAccountCodes = ["149999"]
        let context = fixture.context(rules: rules)
        let candidate = PrepaidExpenseDetector().candidates(in: context).first
        #expect(candidate?.prepaidAccountID == nil)
        #expect(candidate?.reason.contains("no prepaid account") == true)
        #expect(PrepaidDeferralProposer().proposals(in: context).isEmpty)
    }
}
