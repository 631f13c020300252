import CloseSettings
import CloseStore
import CloseWorkflows
import Expenses
import Foundation
import Ledger
import OdooRPC
import Testing

/// Issue 19's expense bar on a company nobody tuned Closer for: in a scratch Odoo 18 database with
/// `hr_expense` (CLOSER_TEST_ODOO_EXPENSES_DB), a new company with a random name gets employees, their expenses
/// with receipts, and reports submitted through Odoo's own methods — one approved by its own claimant, an
/// expense administrator. Out-of-policy expenses, a near-duplicate, a receipt claimed by two employees and the
/// self-approval are found and noted once on their reports with a To-Do for the approver; the look-alikes (a
/// team dinner shared with their own receipts, a small expense without receipt, two nights at one rate) are
/// not; a re-run adds no second note; audit mode writes nothing.
@Suite(.enabled(if: LiveScratchCompany.settings(.expenses, company: nil) != nil,
                "skipped: no scratch Odoo database with `hr_expense` (CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_EXPENSES_DB)"))
struct LiveExpensePolicyTests {
    @Test func plantedProblemsAreNotedOnceForTheApproverAndLookAlikesAreNot() async throws {
        let company = try await LiveScratchCompany.create(in: .expenses, kind: "Expenses")
        let run = LiveScratchCompany.word(6)
        let boss = try await company.user("boss-\(run)", groups: ["hr_expense.group_hr_expense_team_approver"])
        let admin = try await company.user("self-\(run)", groups: ["hr_expense.group_hr_expense_manager"])
        let jane = try await company.employee("Jane \(run)", user: try await company.user("jane-\(run)", groups: []), manager: boss)
        let omar = try await company.employee("Omar \(run)", user: nil, manager: boss)
        let sam = try await company.employee("Sam \(run)", user: admin, manager: admin)
        let meals = try await company.expenseCategory(code: "FOOD"), travel = try await company.expenseCategory(code: "TRANS & ACC")
        let day = LocalDate.todayUTC().adding(days: -20)
        let taxiReceipt = "taxi \(run)"
        let dinner = try await company.expense("Client dinner", jane, meals, "180.00", day, receipt: "dinner \(run)")
        let taxi = try await company.expense("Taxi", jane, travel, "45.00", day.adding(days: 1), receipt: taxiReceipt)
        let taxiAgain = try await company.expense("Taxi again", jane, travel, "45.50", day.adding(days: 2), receipt: nil)
        let janesShare = try await company.expense("Team dinner", jane, meals, "62.00", day.adding(days: 5), receipt: "jane share \(run)")
        let janes = try await company.expenseReport("Jane trip \(run)", jane, [dinner, taxi, taxiAgain, janesShare])
        let omarsShare = try await company.expense("Team dinner", omar, meals, "62.00", day.adding(days: 5), receipt: "omar share \(run)")
        let nights = [try await company.expense("Hotel", omar, travel, "120.00", day.adding(days: 6), receipt: "night 1 \(run)"),
                      try await company.expense("Hotel", omar, travel, "120.00", day.adding(days: 7), receipt: "night 2 \(run)")]
        let shared = try await company.expense("Taxi", omar, travel, "45.00", day.adding(days: 8), receipt: taxiReceipt)
        let parking = try await company.expense("Parking", omar, travel, "20.00", day.adding(days: 8), receipt: nil)
        let omars = try await company.expenseReport("Omar trip \(run)", omar, [omarsShare, shared, parking] + nights)
        let sams = try await company.expenseReport("Sam lunch \(run)", sam, [try await company.expense("Lunch", sam, meals, "30.00", day, receipt: "lunch \(run)")])
        try await company.approveExpenseReport(sams, as: admin)

        let store = try AppDatabase.inMemory()
        let audit = try await ExpenseCheckService(store: store, settings: try #require(company.settings()),
                                                  rules: RuleSet.builtIn.expenses, actor: "live-test").check(period: nil, asOf: .todayUTC())
        let found = Dictionary(grouping: audit.reports.flatMap { report in report.findings.map { (report.id, $0) } }, by: \.0)
            .mapValues { $0.map { "\($0.1.kind.rawValue):\($0.1.expenses.map(\.id).sorted())" }.sorted() }
        print("[live] expense findings: \(found)")
        #expect(audit.approversKnown && !audit.writes && audit.posts == nil)
        #expect(found[janes] == ["category-limit:[\(dinner)]", "missing-receipt:[\(taxiAgain)]", "near-duplicate:\([taxi, taxiAgain].sorted())"])
        #expect(found[omars] == ["shared-receipt:\([taxi, shared].sorted())"])
        #expect(found[sams] == ["self-approval:[]"])
        #expect(try await company.closerNotes(on: [janes, omars, sams]) == 0, "audit mode wrote to Odoo")

        let supervised = try #require(company.settings(mode: "supervised"))
        let service = ExpenseCheckService(store: store, settings: supervised, rules: RuleSet.builtIn.expenses, actor: "live-test")
        let first = try await service.check(period: nil, asOf: .todayUTC())
        #expect(first.posts?.posted.count == 5 && first.posts?.failed.isEmpty == true)
        let (janesToDos, omarsToDos, samsToDos) = (try await company.closerToDos(on: janes), try await company.closerToDos(on: omars), try await company.closerToDos(on: sams))
        #expect(janesToDos == [boss.id, boss.id, boss.id] && omarsToDos == [boss.id] && samsToDos == [admin.id])
        let again = try await ExpenseCheckService(store: try AppDatabase.inMemory(), settings: supervised, rules: RuleSet.builtIn.expenses, actor: "live-test")
            .check(period: nil, asOf: .todayUTC())
        #expect(again.posts?.posted.isEmpty == true && again.posts?.alreadyPosted.count == 5, "a re-run (with a fresh store) must find its notes in Odoo")
        #expect(try await company.closerNotes(on: [janes, omars, sams]) == 5)
    }
}
