@testable import Adjustments
import Ledger
import Testing

@Suite struct PrepaidExpenseDetectorTests {
    typealias F = PrepaidFixture

    /// A company whose office, insurance and repairs accounts have a run-rate of a few hundred a month.
    func company(dateOrder: DateOrder? = nil) -> PrepaidFixture {
        var fixture = PrepaidFixture(dateOrder: dateOrder)
        fixture.monthly(partner: 9, account: F.office, label: "Cleaning", units: 1_000)
        fixture.monthly(partner: 8, account: F.repairs, label: "Small repairs", units: 400)
        return fixture
    }

    func found(_ fixture: PrepaidFixture, rules: AdjustmentRules = AdjustmentRules()) -> [PrepaidCandidate] {
        PrepaidExpenseDetector().candidates(in: fixture.context(rules: rules))
    }

    @Test func aLabelledServicePeriodAloneIsFoundWithItsMonths() {
        var fixture = company(dateOrder: .dayFirst)
        let line = fixture.bill("2026-10-03", partner: 1, account: F.office, label: "Service contract 01/10/2026 - 30/09/2027", units: 2_400)
        let candidates = found(fixture)
        #expect(candidates.map(\.lineID) == [line])
        let candidate = candidates[0]
        #expect(candidate.evidence == [.servicePeriod(try! Period(parsing: "2026-10")...(try! Period(parsing: "2027-09")))])
        #expect(candidate.schedule.months == 12)
        #expect(candidate.deferred(after: F.period) == F.usd.money(220_000))
        #expect(candidate.prepaidAccountID == F.prepaid)
        #expect(candidate.confidence > 0.5 && candidate.confidence < 0.8)
        #expect(candidate.reason.contains("the label covers 2026-10 to 2027-09"))
    }

    @Test func anAnnualCadenceAloneIsTooLittleButWithTheAccountsNatureAndRunRateItIsFound() {
        var generic = company()
        generic.bill("2025-10-06", partner: 2, account: F.office, label: "Association dues", units: 1_500)
        generic.bill("2026-10-06", partner: 2, account: F.office, label: "Association dues", units: 1_500)
        #expect(found(generic).isEmpty)

        var insured = company()
        insured.bill("2025-10-06", partner: 2, account: F.insurance, label: "Liability cover", units: 12_000)
        let line = insured.bill("2026-10-06", partner: 2, account: F.insurance, label: "Liability cover", units: 12_000)
        let candidates = found(insured)
        #expect(candidates.map(\.lineID) == [line])
        #expect(Set(candidates[0].evidence) == [.annualCadence(lastBilled: try! Period(parsing: "2025-10")), .nature(.insurance),
                                                .aboveRunRate(usualMonth: F.usd.money(100_000))])
        #expect(candidates[0].schedule.months == 12)
        #expect(candidates[0].deferred(after: F.period) == F.usd.money(1_100_000))
    }

    @Test func theVendorsEarlierDeferralGivesTheMonthsAndTheAccount() {
        var fixture = company()
        fixture.bill("2025-10-06", partner: 3, account: F.prepaid, label: "Support plan 2025-10 to 2027-03", units: 9_000)
        let line = fixture.bill("2026-10-06", partner: 3, account: F.office, label: "Support plan", units: 9_000)
        let candidates = found(fixture)
        #expect(candidates.map(\.lineID) == [line])
        #expect(candidates[0].evidence.contains(.earlierDeferral(months: 18)))
        #expect(candidates[0].schedule.months == 18)
        #expect(candidates[0].prepaidAccountID == F.prepaid)
    }

    @Test func theLookAlikesAreNotFlagged() {
        var fixture = company()
        // A large one-off repair on a maintenance account: its nature and run-rate, but nothing says it spans time.
        fixture.bill("2026-10-08", partner: 4, account: F.repairs, label: "Emergency repair of the press", units: 18_000)
        // An audit fee for a year already over, from a vendor that bills once a year.
        fixture.bill("2025-10-09", partner: 5, account: F.audit, label: "Audit fee FY2024", units: 8_000)
        fixture.bill("2026-10-09", partner: 5, account: F.audit, label: "Audit fee FY2025", units: 8_000)
        // A monthly subscription billed monthly.
        fixture.monthly(partner: 6, account: F.software, label: "Cloud suite", units: 1_200)
        fixture.bill("2026-10-05", partner: 6, account: F.software, label: "Cloud suite", units: 1_200)
        // A yearly bill already booked to the prepaid account.
        fixture.bill("2025-10-07", partner: 7, account: F.prepaid, label: "Fire cover 2025-10 to 2026-09", units: 6_000)
        fixture.bill("2026-10-07", partner: 7, account: F.prepaid, label: "Fire cover 2026-10 to 2027-09", units: 6_000)
        #expect(found(fixture).isEmpty)
    }

    @Test func belowMaterialityOrTheMinimumConfidenceNothingIsFound() {
        var fixture = company()
        fixture.bill("2026-10-03", partner: 1, account: F.insurance, label: "Van cover 2026-10 to 2027-09", units: 1_080)
        #expect(found(fixture).isEmpty)  // 990 is deferred: below the default 1,000
        var strict = AdjustmentRules()
        strict.prepaid.minimumAmount = 500
        #expect(found(fixture, rules: strict).count == 1)
        strict = AdjustmentRules()
        strict.prepaid.minimumAmount = 0
        strict.prepaid.minimumConfidence = 0.99
        #expect(found(fixture, rules: strict).isEmpty)
    }

    @Test func moreEvidenceMeansMoreConfidence() {
        var fixture = company()
        let labelled = fixture.bill("2026-10-03", partner: 1, account: F.office, label: "Hosting 2026-10 to 2027-09", units: 2_400)
        fixture.bill("2025-10-06", partner: 2, account: F.insurance, label: "Liability cover", units: 12_000)
        let annual = fixture.bill("2026-10-06", partner: 2, account: F.insurance, label: "Liability cover", units: 12_000)
        let both = fixture.bill("2026-10-07", partner: 3, account: F.insurance, label: "Policy 2026/27", units: 24_000)
        let candidates = found(fixture)
        #expect(candidates.map(\.lineID) == [both, annual, labelled])
        #expect(candidates[0].confidence > candidates[1].confidence && candidates[1].confidence > candidates[2].confidence)
    }

    @Test func accountNaturesAreReadInFiveLanguages() {
        #expect(CostNature.of(accountNamed: "Betriebshaftpflichtversicherung") == .insurance)
        #expect(CostNature.of(accountNamed: "Primes d'assurance") == .insurance)
        #expect(CostNature.of(accountNamed: "Seguros") == .insurance)
        #expect(CostNature.of(accountNamed: "Huur gebouwen") == .rent)
        #expect(CostNature.of(accountNamed: "Loyers et charges locatives") == .rent)
        #expect(CostNature.of(accountNamed: "Arrendamientos y cánones") == .rent)
        #expect(CostNature.of(accountNamed: "Softwarelizenzen") == .subscription)
        #expect(CostNature.of(accountNamed: "Suscripciones") == .subscription)
        #expect(CostNature.of(accountNamed: "Wartung und Instandhaltung") == .maintenance)
        #expect(CostNature.of(accountNamed: "Onderhoud machines") == .maintenance)
        #expect(CostNature.of(accountNamed: "Office Supplies") == nil)
        #expect(CostNature.of(accountNamed: "Current Liabilities") == nil)
    }
}
