import Foundation
import Ledger
import Payables
import Testing

/// The router, rule by rule and combined: thresholds add levels, risk rules join a level asking for the
/// same roles or add one, and a bill nothing fires on is touchless.
@Suite struct ApprovalRouterTests {
    let today = LocalDate(year: 2026, month: 12, day: 5)!
    let router = ApprovalRouter(rules: BillApprovalRules())

    /// A bill of an old vendor with no other risk: only the amount can route it.
    func facts(_ cents: Int64) -> BillApprovalFacts {
        BillApprovalFacts(source: "test:fixture", billID: 7, billTitle: "BILL/2026/12/0007 of Acme", amount: Money(minorUnits: cents, currency: CurrencyCode("EUR")!),
                          vendorFirstBillDate: LocalDate(year: 2024, month: 1, day: 10), preparerLogin: "clerk")
    }

    @Test func aBillNothingFiresOnIsTouchless() {
        let route = router.route(facts(999_99), on: today)
        #expect(route.isTouchless && route.levels.isEmpty && route.key.isEmpty)
    }

    @Test func eachAmountThresholdReachedAddsALevelAndSaysWhy() {
        let one = router.route(facts(1_000_00), on: today)
        #expect(one.levels.map(\.roles) == [["approver", "controller"]])
        #expect(one.levels[0].reason == "amount 1,000.00 EUR is at least the 1,000 threshold: approver or controller")
        let two = router.route(facts(-12_400_00), on: today)   // a refund's magnitude counts the same
        #expect(two.levels.map(\.roles) == [["approver", "controller"], ["controller"]])
        #expect(two.levels[1].reason == "amount 12,400.00 EUR is at least the 10,000 threshold: a second level, controller")
        #expect(two.levels.allSatisfy { $0.triggers == ["amount"] })
    }

    @Test func aNewVendorIsOneWithoutAPostedBillOrWhoseFirstIsYoungerThanTheLimit() {
        var bill = facts(50_00)
        bill.vendorFirstBillDate = nil
        #expect(router.route(bill, on: today).levels.map(\.reason) == ["the vendor has no posted bill yet: a new vendor, controller"])
        bill.vendorFirstBillDate = today.adding(days: -89)
        #expect(router.route(bill, on: today).levels.first?.reason
                == "the vendor's first bill is of \(today.adding(days: -89)), 89 days ago (under 90): a new vendor, controller")
        bill.vendorFirstBillDate = today.adding(days: -90)
        #expect(router.route(bill, on: today).isTouchless)
    }

    @Test func bankDetailsChangedWithinTheWindowNeedTheirRoles() {
        var bill = facts(50_00)
        bill.bankDetailsChangedOn = today.adding(days: -30)
        let route = router.route(bill, on: today)
        #expect(route.levels.map(\.triggers) == [["bank-change"]])
        #expect(route.levels[0].reason.hasPrefix("the vendor's bank details changed on \(today.adding(days: -30)), 30 days ago (within 30)"))
        bill.bankDetailsChangedOn = today.adding(days: -31)
        #expect(router.route(bill, on: today).isTouchless)
    }

    @Test func analyticAccountsNameTheirRolesAndUnlistedOnesNothing() {
        let rules = BillApprovalRules(analyticAccounts: ["CC-MKT": ["approver"], "CC-RD": ["controller"]])
        var bill = facts(50_00)
        bill.analyticAccounts = ["CC-OPS", "CC-MKT", "CC-MKT"]
        let route = ApprovalRouter(rules: rules).route(bill, on: today)
        #expect(route.levels.map(\.roles) == [["approver"]])
        #expect(route.levels[0].reason == "it charges cost centre CC-MKT: approver")
        bill.analyticAccounts = ["CC-OPS"]
        #expect(ApprovalRouter(rules: rules).route(bill, on: today).isTouchless)
    }

    @Test func duplicateAndAnomalyScoresFireAtTheirThreshold() {
        var bill = facts(50_00)
        bill.bestDuplicateScore = 0.49
        bill.anomalyScore = 0.79
        #expect(router.route(bill, on: today).isTouchless)
        bill.bestDuplicateScore = 0.5
        #expect(router.route(bill, on: today).levels.map(\.reason) == ["it looks like a duplicate (score 0.50, at least 0.50): approver or controller"])
        bill.bestDuplicateScore = nil
        bill.anomalyScore = 0.92
        #expect(router.route(bill, on: today).levels.map(\.reason) == ["its anomaly score 0.92 is at least 0.80: approver or controller"])
    }

    @Test func combinedRulesJoinTheLevelAskingForTheSameRolesOrAddOneInOrder() {
        let rules = BillApprovalRules(analyticAccounts: ["CC-MKT": ["approver"]])
        var bill = facts(12_400_00)
        bill.vendorFirstBillDate = nil                 // controller: joins the amount's second level
        bill.bestDuplicateScore = 0.8                  // approver or controller: joins the first
        bill.analyticAccounts = ["CC-MKT"]             // approver alone: a third level
        bill.bankDetailsChangedOn = today              // controller: joins the second too
        let route = ApprovalRouter(rules: rules).route(bill, on: today)
        #expect(route.levels.map(\.roles) == [["approver", "controller"], ["controller"], ["approver"]])
        #expect(route.levels.map(\.triggers) == [["amount", "duplicate"], ["amount", "new-vendor", "bank-change"], ["analytic"]])
        #expect(route.levels[1].reasons.count == 3)
        bill.bankDetailsChangedOn = nil
        #expect(ApprovalRouter(rules: rules).route(bill, on: today).key != route.key)
    }

    @Test func rulesTurnedOffNeverFire() {
        let rules = BillApprovalRules(amountLevels: [], newVendor: nil, bankChange: nil, duplicateScore: nil, anomalyScore: nil)
        var bill = facts(1_000_000_00)
        bill.vendorFirstBillDate = nil
        bill.bankDetailsChangedOn = today
        bill.bestDuplicateScore = 1
        bill.anomalyScore = 1
        #expect(ApprovalRouter(rules: rules).route(bill, on: today).isTouchless)
    }
}
