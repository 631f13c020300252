import Expenses
import Ledger
import Testing

/// Near-duplicates and shared receipts, each beside its look-alike.
@Suite struct ExpenseDuplicateTests {
    typealias F = ExpenseFixtures

    @Test func theSameTaxiClaimedAgainADayLaterForAlmostTheSameAmountIsFound() {
        let first = F.claim(1, "45.00", on: F.day(3), report: 40)
        let second = F.claim(2, "45.50", on: F.day(4), receipts: [])
        let findings = ExpenseReview(rules: ExpenseRules()).findings(on: [F.report([second])], claimed: [first])
        #expect(findings.map(\.kind) == [.missingReceipt, .nearDuplicate])
        #expect(findings[1].expenses.map(\.id) == [2, 1])
        #expect(findings[1].message.contains("1 day(s) apart") && findings[1].message.contains("on report 'Report 40'"))
    }

    @Test func twoNightsAtOneRateEachWithItsReceiptAreNoDuplicate() {
        let first = F.claim(1, "120.00", on: F.day(3))
        let second = F.claim(2, "120.00", on: F.day(4))
        #expect(F.kinds([F.report([first, second])]).isEmpty)
    }

    @Test func aMonthlySubscriptionIsNoDuplicate() {
        let october = F.claim(1, "29.00", on: F.day(3, month: 10), category: F.software, report: 40)
        let november = F.claim(2, "29.00", on: F.day(3), category: F.software)
        #expect(F.kinds([F.report([november])], claimed: [october]).isEmpty)
    }

    @Test func twoEmployeesAtTheSameTeamDinnerWithTheirOwnReceiptsAreNoDuplicate() {
        let janes = F.claim(1, "62.00", on: F.day(3), category: F.meals)
        let omars = F.claim(2, "62.00", on: F.day(3), by: F.omar, category: F.meals, report: 51)
        #expect(F.kinds([F.report([janes]), F.report([omars], id: 51, of: F.omar)]).isEmpty)
    }

    @Test func theSameReceiptClaimedByTwoEmployeesIsFoundOnceOnTheLaterClaim() {
        let janes = F.claim(1, "62.00", on: F.day(3), category: F.meals, receipts: ["abc"])
        let omars = F.claim(2, "62.00", on: F.day(3), by: F.omar, category: F.meals, receipts: ["abc"], report: 51)
        let findings = ExpenseReview(rules: ExpenseRules()).findings(on: [F.report([janes]), F.report([omars], id: 51, of: F.omar)], claimed: [])
        #expect(findings.map(\.kind) == [.sharedReceipt])
        #expect(findings[0].reportID == 51 && findings[0].message.contains("by Omar Li and Jane Doe"))
        // When only the earlier claim's report is checked, it carries the finding.
        #expect(ExpenseReview(rules: ExpenseRules()).findings(on: [F.report([janes])], claimed: [omars]).map(\.reportID) == [50])
    }

    @Test func oneReceiptClaimedTwiceByOneEmployeeIsASharedReceiptNotANearDuplicate() {
        let findings = ExpenseReview(rules: ExpenseRules()).findings(on: [F.report([F.claim(1, "40.00", on: F.day(3), receipts: ["abc"]),
                                                                                      F.claim(2, "40.00", on: F.day(5), receipts: ["abc"])])], claimed: [])
        #expect(findings.map(\.kind) == [.sharedReceipt])
        #expect(findings[0].message.contains("twice by Jane Doe"))
    }

    @Test func whatOdooAlreadyShowsAsAnExactDuplicateIsNotNotedAgain() {
        let first = F.claim(1, "45.00", on: F.day(3), report: 40, exactDuplicates: [2])
        let second = F.claim(2, "45.00", on: F.day(3), exactDuplicates: [1])
        #expect(F.kinds([F.report([second])], claimed: [first]).isEmpty)
    }

    @Test func differentCategoriesOrAmountsBeyondTheToleranceAreNoPair() {
        let taxi = F.claim(1, "20.00", on: F.day(3), report: 40)
        #expect(F.kinds([F.report([F.claim(2, "20.00", on: F.day(3), category: F.meals)])], claimed: [taxi]).isEmpty)
        #expect(F.kinds([F.report([F.claim(2, "21.50", on: F.day(3))])], claimed: [taxi]).isEmpty)
    }
}
