import CloseSettings
import CloseStore
import CloseWorkflows
import Duties
import Expenses
import Foundation
import Governance
import Ledger
import OdooRPC
import Testing
import Treasury

/// Issue 19's "company its authors never saw" bar, all four plants in one company: a scratch Odoo 18 database with
/// `account` and `hr_expense` (CLOSER_TEST_ODOO_EXPENSES_DB) gets a new company with a random name in a random
/// currency, vendors with trusted accounts and bills due, and then — after Closer's first look — a clerk who changes
/// one vendor's bank account and pays that vendor's other bill (a changed account and a segregation-of-duties
/// conflict), a transfer made by hand to another vendor for exactly its open bill (a duplicate payment), and an
/// employee's out-of-policy expenses. Each is found, with its reason; the look-alikes (a vendor paid the same amount
/// a month and a half ago, an expense exactly at its limit, a small one without a receipt, a clean user) are not.
@Suite(.enabled(if: LiveScratchCompany.settings(.expenses, company: nil) != nil,
                "skipped: no scratch Odoo database with `account` and `hr_expense` (CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_EXPENSES_DB)"))
struct LiveTreasuryUnseenCompanyTests {
    @Test func aChangedAccountADuplicatePaymentAConflictAndOutOfPolicyExpensesAreFoundAndTheirLookAlikesAreNot() async throws {
        let currency = try #require(["EUR", "CHF", "SEK", "DKK", "PLN"].randomElement())
        let company = try await LiveScratchCompany.create(in: .expenses, kind: "Holding", currency: currency)
        let tag = LiveScratchCompany.word(5)
        let today = LocalDate.todayUTC(), due = today.adding(days: 4)
        try await company.fundBank(cents: 50_000_000)
        let clerk = try await company.user("clerk-\(tag)", groups: ["base.group_partner_manager", "account.group_account_invoice"])
        let clean = try await company.user("clean-\(tag)", groups: ["account.group_account_invoice"])
        let treasurer = try await company.user("treasurer-\(tag)",
                                               groups: ["account.group_account_manager", "base.group_partner_manager", "account.group_validate_bank_account"])

        let steady = try await company.vendor(iban: LiveScratchCompany.iban("NL", bank: "RABO"))
        let changed = try await company.vendor(iban: LiveScratchCompany.iban("DE"))
        let paidByHand = try await company.vendor(iban: LiveScratchCompany.iban("FR"))
        let paidLastMonth = try await company.vendor(iban: LiveScratchCompany.iban("BE"))
        let amounts = (0..<4).map { _ in Int.random(in: 50_000...900_000) }
        let steadyBill = try await company.bill(steady.partner, cents: amounts[0], due: due)
        let changedBill = try await company.bill(changed.partner, cents: amounts[1], due: due)
        let changedOtherBill = try await company.bill(changed.partner, cents: Int.random(in: 10_000...40_000), due: due, post: false)
        let paidByHandBill = try await company.bill(paidByHand.partner, cents: amounts[2], due: due)
        let paidLastMonthBill = try await company.bill(paidLastMonth.partner, cents: amounts[3], due: due)
        _ = try await company.loosePayment(paidLastMonth.partner, cents: amounts[3], on: today.adding(days: -45))

        let store = try AppDatabase.inMemory()
        var rules = RuleSet.builtIn.treasury
        rules.recentChangeDays = 0
        let audit = try #require(company.settings())
        func propose() async throws -> PaymentRun {
            try await PaymentRunService(store: store, settings: audit, rules: rules).propose(executionDate: today, payBy: due, actor: "paul")
        }
        // Closer's first look is the baseline: the accounts were there before it watched.
        try await Task.sleep(for: .seconds(1.5))
        let baseline = try await propose()
        #expect(baseline.proposal.leftOut.isEmpty, "\(baseline.proposal.leftOut.map(\.reason))")

        // The plants: the clerk moves a vendor's money elsewhere and pays that vendor; someone pays a bill by hand.
        try await company.client.write("res.partner.bank", ids: [changed.account], ["allow_out_payment": false])
        let asClerk = try company.acting(as: clerk)
        let newNumber = LiveScratchCompany.iban("DE")
        try await asClerk.client.write("res.partner.bank", ids: [changed.account], ["acc_number": .string(newNumber)])
        try await company.acting(as: treasurer).client.write("res.partner.bank", ids: [changed.account], ["allow_out_payment": true])
        try await asClerk.post(changedOtherBill)
        try await asClerk.registerPayment(changedOtherBill)
        let steadyOther = try await company.bill(steady.partner, cents: Int.random(in: 10_000...40_000), due: due, post: false)
        let asClean = try company.acting(as: clean)
        try await asClean.post(steadyOther)
        try await asClean.registerPayment(steadyOther)
        _ = try await company.loosePayment(paidByHand.partner, cents: amounts[2], on: today.adding(days: -2))

        let run = try await propose()
        let proposed = Set(run.proposal.groups.flatMap(\.payments).map(\.candidate.billID))
        let reasons = Dictionary(run.proposal.leftOut.map { ($0.candidate.billID, $0.issues) }) { first, _ in first }
        print("[live] \(currency) run: proposed \(proposed.sorted()), left out \(run.proposal.leftOut.map { "\($0.candidate.billName): \($0.reason)" })")
        #expect(proposed == [steadyBill, paidLastMonthBill], "the look-alike paid 45 days ago is paid again, the steady vendor too")
        #expect(reasons[changedBill]?.contains { if case .unverified(let number, _, _, let by) = $0 { number == newNumber && by == clerk.login } else { false } } == true,
                "\(String(describing: reasons[changedBill]))")
        #expect(reasons[changedBill]?.contains { if case .coolingOff = $0 { true } else { false } } == true)
        #expect(reasons[paidByHandBill]?.contains { if case .likelyPaid = $0 { true } else { false } } == true, "\(String(describing: reasons[paidByHandBill]))")

        let duties = try await DutiesService(settings: audit, store: store, actor: "paul").review(since: today.adding(months: -1))
        for finding in duties.findings { print("[live] duties \(finding.kind.rawValue): \(finding.message)") }
        let did = duties.findings.filter { $0.kind == .did }
        #expect(did.map(\.person.id) == [clerk.id] && did.first?.vendor?.id == changed.partner, "\(did.map(\.message))")
        #expect(did.first?.evidence.contains { $0.kind == .changedBankAccount && $0.record.id == changed.account } == true)
        #expect(!duties.findings.contains { $0.person.id == clean.id }, "the clean user posted and paid a vendor whose details they never touched")

        let manager = try await company.user("manager-\(tag)", groups: ["hr_expense.group_hr_expense_team_approver"])
        let employee = try await company.employee("\(LiveScratchCompany.word(6).capitalized) \(tag.capitalized)", user: nil, manager: manager)
        let meals = try await company.expenseCategory(code: "FOOD"), travel = try await company.expenseCategory(code: "TRANS & ACC")
        let day = today.adding(days: -10)
        let overLimit = try await company.expense("Dinner", employee, meals, "160.00", day, receipt: "dinner \(tag)")
        let atLimit = try await company.expense("Lunch", employee, meals, "100.00", day.adding(days: 3), receipt: "lunch \(tag)")
        let noReceipt = try await company.expense("Train", employee, travel, "85.00", day.adding(days: 1), receipt: nil)
        let smallNoReceipt = try await company.expense("Bus", employee, travel, "12.00", day.adding(days: 1), receipt: nil)
        let sheet = try await company.expenseReport("Trip \(tag)", employee, [overLimit, atLimit, noReceipt, smallNoReceipt])
        let expenses = try await ExpenseCheckService(store: store, settings: audit, rules: RuleSet.builtIn.expenses, actor: "paul")
            .check(period: nil, asOf: today)
        let found = expenses.reports.filter { $0.id == sheet }.flatMap(\.findings).map { "\($0.kind.rawValue):\($0.expenses.map(\.id))" }.sorted()
        #expect(found == ["category-limit:[\(overLimit)]", "missing-receipt:[\(noReceipt)]"], "\(found)")
        #expect(!expenses.writes && expenses.posts == nil, "audit mode writes nothing")
    }
}
