import Expenses
import Foundation
import Ledger
import Testing

/// The policy's limits and receipts, each beside the look-alike that must stay clean.
@Suite struct ExpensePolicyTests {
    typealias F = ExpenseFixtures

    @Test func aMealOverItsCategoryLimitIsFoundAndOneWithinIsNot() throws {
        let over = F.report([F.claim(1, "180.00", on: F.day(3), category: F.meals)])
        let findings = ExpenseReview(rules: ExpenseRules()).findings(on: [over], claimed: [])
        #expect(findings.map(\.kind) == [.categoryLimit])
        #expect(findings[0].message.contains("over the Meals limit of 100.00 EUR per expense"))
        #expect(findings[0].expenses.map(\.id) == [1])
        #expect(F.kinds([F.report([F.claim(1, "100.00", on: F.day(3), category: F.meals)])]).isEmpty)
    }

    @Test func aCategoryIsNamedByItsCodeNameOrProductCategoryInAnyCase() {
        #expect(F.meals.isNamed("food") && F.meals.isNamed(" Meals ") && F.meals.isNamed("EXPENSES"))
        #expect(!F.meals.isNamed("Travel"))
    }

    @Test func aDayOverTheLimitCountsTheEmployeesOtherReportsToo() throws {
        // 300 on this report, 250 the same day on another: 550 over the 500 a day.
        let report = F.report([F.claim(1, "300.00", on: F.day(3))])
        let elsewhere = F.claim(2, "250.00", on: F.day(3), receipts: ["other"], report: 51)
        let findings = ExpenseReview(rules: ExpenseRules()).findings(on: [report], claimed: [elsewhere])
        #expect(findings.map(\.kind) == [.dailyLimit])
        #expect(findings[0].message.contains("550.00 EUR for 2026-11-03") && findings[0].message.contains("1 of them on other reports"))
        // Another employee's 250 that day is theirs: no finding.
        #expect(F.kinds([report], claimed: [F.claim(2, "250.00", on: F.day(3), by: F.omar, receipts: ["other"], report: 51)]).isEmpty)
        // A refused expense counts for nothing.
        var refused = elsewhere
        refused.state = "refused"
        #expect(F.kinds([report], claimed: [refused]).isEmpty)
    }

    @Test func aCategoryDayLimitAddsTheDaysExpensesOfThatCategory() {
        var rules = ExpenseRules()
        rules.categoryLimits = [ExpenseLimit(match: "FOOD", perDay: 60)]
        let report = F.report([F.claim(1, "35.00", on: F.day(3), category: F.meals), F.claim(2, "30.00", on: F.day(3), category: F.meals),
                               F.claim(3, "40.00", on: F.day(4), category: F.meals)])
        let findings = ExpenseReview(rules: rules).findings(on: [report], claimed: [])
        #expect(findings.map(\.kind) == [.categoryDailyLimit])
        #expect(findings[0].expenses.map(\.id) == [1, 2])
    }

    @Test func aReportOverTheTripLimitIsFound() {
        let trip = F.report([F.claim(1, "450.00", on: F.day(3)), F.claim(2, "450.00", on: F.day(4)), F.claim(3, "400.00", on: F.day(5))])
        var rules = ExpenseRules()
        rules.perReportLimit = 1200
        let findings = ExpenseReview(rules: rules).findings(on: [trip], claimed: [])
        #expect(findings.map(\.kind) == [.reportLimit])
        #expect(findings[0].message.contains("totals 1,300.00 EUR over 3 expense(s)"))
        rules.perReportLimit = 1300
        #expect(F.kinds([trip], rules: rules).isEmpty)
    }

    @Test func aReceiptIsRequiredAboveTheThresholdOnly() {
        let missing = F.report([F.claim(1, "80.00", on: F.day(3), receipts: [])])
        let findings = ExpenseReview(rules: ExpenseRules()).findings(on: [missing], claimed: [])
        #expect(findings.map(\.kind) == [.missingReceipt])
        #expect(findings[0].message.contains("ask Jane Doe to attach it"))
        // Look-alike: a small expense with no receipt is within policy.
        #expect(F.kinds([F.report([F.claim(1, "25.00", on: F.day(3), receipts: [])])]).isEmpty)
    }

    @Test func noLimitMeansNoFinding() {
        var rules = ExpenseRules()
        rules.perDayLimit = nil
        rules.perReportLimit = nil
        rules.receiptRequiredAbove = nil
        rules.categoryLimits = []
        #expect(F.kinds([F.report([F.claim(1, "9000.00", on: F.day(3), category: F.meals, receipts: [])])], rules: rules).isEmpty)
    }

    @Test func limitsAreConvertedAtTheCurrencysScale() throws {
        let yen = try Money(parsing: "1", currency: CurrencyCode("JPY")!, scale: 0)
        #expect(ExpenseRules.money(100, like: yen).minorUnits == 100)
        #expect(ExpenseRules.money(25.5, like: try Money(parsing: "1", currency: CurrencyCode("EUR")!)).minorUnits == 2550)
    }
}
