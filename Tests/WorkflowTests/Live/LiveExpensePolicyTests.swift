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
@Suite(.enabled(if: LiveExpenseCompany.settings(company: nil) != nil,
                "skipped: no scratch Odoo database with `hr_expense` (CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_EXPENSES_DB)"))
struct LiveExpensePolicyTests {
    @Test func plantedProblemsAreNotedOnceForTheApproverAndLookAlikesAreNot() async throws {
        let company = try await LiveExpenseCompany.create()
        let run = LiveExpenseCompany.word(6)
        let boss = try await company.user("boss-\(run)", group: "hr_expense.group_hr_expense_team_approver")
        let admin = try await company.user("self-\(run)", group: "hr_expense.group_hr_expense_manager")
        let jane = try await company.employee("Jane \(run)", user: try await company.user("jane-\(run)", group: nil), manager: boss)
        let omar = try await company.employee("Omar \(run)", user: nil, manager: boss)
        let sam = try await company.employee("Sam \(run)", user: admin, manager: admin)
        let meals = try await company.product(code: "FOOD"), travel = try await company.product(code: "TRANS & ACC")
        let day = LocalDate.todayUTC().adding(days: -20)
        let taxiReceipt = "taxi \(run)"
        let dinner = try await company.expense("Client dinner", jane, meals, "180.00", day, receipt: "dinner \(run)")
        let taxi = try await company.expense("Taxi", jane, travel, "45.00", day.adding(days: 1), receipt: taxiReceipt)
        let taxiAgain = try await company.expense("Taxi again", jane, travel, "45.50", day.adding(days: 2), receipt: nil)
        let janesShare = try await company.expense("Team dinner", jane, meals, "62.00", day.adding(days: 5), receipt: "jane share \(run)")
        let janes = try await company.report("Jane trip \(run)", jane, [dinner, taxi, taxiAgain, janesShare])
        let omarsShare = try await company.expense("Team dinner", omar, meals, "62.00", day.adding(days: 5), receipt: "omar share \(run)")
        let nights = [try await company.expense("Hotel", omar, travel, "120.00", day.adding(days: 6), receipt: "night 1 \(run)"),
                      try await company.expense("Hotel", omar, travel, "120.00", day.adding(days: 7), receipt: "night 2 \(run)")]
        let shared = try await company.expense("Taxi", omar, travel, "45.00", day.adding(days: 8), receipt: taxiReceipt)
        let parking = try await company.expense("Parking", omar, travel, "20.00", day.adding(days: 8), receipt: nil)
        let omars = try await company.report("Omar trip \(run)", omar, [omarsShare, shared, parking] + nights)
        let sams = try await company.report("Sam lunch \(run)", sam, [try await company.expense("Lunch", sam, meals, "30.00", day, receipt: "lunch \(run)")])
        try await company.approve(sams, as: "self-\(run)")

        let store = try AppDatabase.inMemory()
        let audit = try await ExpenseCheckService(store: store, settings: try #require(LiveExpenseCompany.settings(company: company.id)),
                                                  rules: RuleSet.builtIn.expenses, actor: "live-test").check(period: nil, asOf: .todayUTC())
        let found = Dictionary(grouping: audit.reports.flatMap { report in report.findings.map { (report.id, $0) } }, by: \.0)
            .mapValues { $0.map { "\($0.1.kind.rawValue):\($0.1.expenses.map(\.id).sorted())" }.sorted() }
        print("[live] expense findings: \(found)")
        #expect(audit.approversKnown && !audit.writes && audit.posts == nil)
        #expect(found[janes] == ["category-limit:[\(dinner)]", "missing-receipt:[\(taxiAgain)]", "near-duplicate:\([taxi, taxiAgain].sorted())"])
        #expect(found[omars] == ["shared-receipt:\([taxi, shared].sorted())"])
        #expect(found[sams] == ["self-approval:[]"])
        #expect(try await company.notes(on: [janes, omars, sams]) == 0, "audit mode wrote to Odoo")

        let supervised = try #require(LiveExpenseCompany.settings(company: company.id, mode: "supervised"))
        let service = ExpenseCheckService(store: store, settings: supervised, rules: RuleSet.builtIn.expenses, actor: "live-test")
        let first = try await service.check(period: nil, asOf: .todayUTC())
        #expect(first.posts?.posted.count == 5 && first.posts?.failed.isEmpty == true)
        let (janesToDos, omarsToDos, samsToDos) = (try await company.toDos(on: janes), try await company.toDos(on: omars), try await company.toDos(on: sams))
        #expect(janesToDos == [boss, boss, boss] && omarsToDos == [boss] && samsToDos == [admin])
        let again = try await ExpenseCheckService(store: try AppDatabase.inMemory(), settings: supervised, rules: RuleSet.builtIn.expenses, actor: "live-test")
            .check(period: nil, asOf: .todayUTC())
        #expect(again.posts?.posted.isEmpty == true && again.posts?.alreadyPosted.count == 5, "a re-run (with a fresh store) must find its notes in Odoo")
        #expect(try await company.notes(on: [janes, omars, sams]) == 5)
    }
}

/// The scratch company: a random name, Odoo's generic chart (expense reports need a journal), and its people.
struct LiveExpenseCompany {
    let client: OdooClient
    let id: Int

    static func settings(company: Int?, mode: String = "audit", login: String? = nil) -> OdooSettings? {
        let environment = ProcessInfo.processInfo.environment
        guard let base = environment["CLOSER_TEST_ODOO_URL"], let database = environment["CLOSER_TEST_ODOO_EXPENSES_DB"] else { return nil }
        let admin = environment["CLOSER_TEST_ODOO_USER"] ?? "admin"
        var flags: [Setting: String] = [.odooURL: base, .odooDatabase: database, .odooUser: login ?? admin,
                                        .odooPassword: login ?? environment["CLOSER_TEST_ODOO_PASSWORD"] ?? "admin", .mode: mode]
        if let company { flags[.odooCompany] = String(company) }
        return try? OdooSettings(resolving: SettingsResolver(flags: flags, environment: [:], file: nil))
    }

    static func create() async throws -> LiveExpenseCompany {
        let client = OdooGateway.client(try #require(settings(company: nil, mode: "supervised")))
        let name = "\(word(7).capitalized) Expenses"
        let id = try await client.create("res.company", [["name": .string(name)]])[0]
        let uid = try await client.authenticate()
        try await client.write("res.users", ids: [uid], ["company_ids": [[4, RPCValue(id)]]])
        try await client.callReturningNothing("account.chart.template", "try_loading", [[], "generic_coa", RPCValue(id)])
        print("[live] expenses company \(id) '\(name)'")
        return LiveExpenseCompany(client: client, id: id)
    }

    static func word(_ length: Int) -> String { String((0..<length).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! }) }

    var context: RPCStruct { ["allowed_company_ids": RPCValue([id])] }

    func create(_ model: String, _ values: RPCStruct) async throws -> Int {
        let value = try await client.execute(model, "create", [.array([.structure(values)])], ["context": .structure(context)], idempotent: false)
        return try #require(value.int ?? value.arrayValue?.first?.int, "\(model).create answered \(value)")
    }

    func reference(_ xmlID: String) async throws -> Int {
        let parts = xmlID.split(separator: ".").map(String.init)
        let rows = try await client.searchRead("ir.model.data", domain: [["module", "=", .string(parts[0])], ["name", "=", .string(parts[1])]],
                                               fields: ["res_id"], limit: 1)
        return try #require(rows.first?["res_id"]?.int, "no \(xmlID)")
    }

    /// An internal user of the company whose password is their login.
    func user(_ login: String, group: String?) async throws -> Int {
        var groups = [RPCValue(try await reference("base.group_user"))]
        if let group { groups.append(RPCValue(try await reference(group))) }
        return try await create("res.users", ["name": .string(login), "login": .string(login), "password": .string(login), "company_id": RPCValue(id),
                                              "company_ids": [[6, 0, RPCValue([id])]], "groups_id": [[6, 0, .array(groups)]]])
    }

    func employee(_ name: String, user: Int?, manager: Int) async throws -> Int {
        try await create("hr.employee", ["name": .string(name), "user_id": user.map { RPCValue($0) } ?? false, "expense_manager_id": RPCValue(manager),
                                         "company_id": RPCValue(id), "work_email": .string("\(name.replacingOccurrences(of: " ", with: "."))@example.test")])
    }

    /// Odoo's own expense category with this internal reference (shared by every company).
    func product(code: String) async throws -> Int {
        try #require(try await client.search("product.product", domain: [["default_code", "=", .string(code)]], limit: 1).first, "no expense category \(code)")
    }

    /// An expense paid by the employee, with a receipt file holding `receipt` when given.
    func expense(_ name: String, _ employee: Int, _ product: Int, _ amount: String, _ date: LocalDate, receipt: String?) async throws -> Int {
        let total = try #require(WireNumber(text: amount))
        let expense = try await create("hr.expense", ["name": .string(name), "employee_id": RPCValue(employee), "product_id": RPCValue(product),
                                                      "total_amount_currency": .double(total), "date": .string(date.description), "payment_mode": "own_account",
                                                      "company_id": RPCValue(id)])
        if let receipt {
            _ = try await create("ir.attachment", ["name": .string("\(name).txt"), "res_model": "hr.expense", "res_id": RPCValue(expense),
                                                   "datas": .string(Data(receipt.utf8).base64EncodedString())])
        }
        return expense
    }

    /// A report of the expenses, submitted through Odoo's own method.
    func report(_ name: String, _ employee: Int, _ expenses: [Int]) async throws -> Int {
        let sheet = try await create("hr.expense.sheet", ["name": .string(name), "employee_id": RPCValue(employee), "company_id": RPCValue(id),
                                                          "expense_line_ids": [[6, 0, RPCValue(expenses)]]])
        try await client.callReturningNothing("hr.expense.sheet", "action_submit_sheet", [RPCValue([sheet])], ["context": .structure(context)])
        return sheet
    }

    /// Approves the report as `login` (their password is their login), through Odoo's own approval.
    func approve(_ sheet: Int, as login: String) async throws {
        let approver = OdooGateway.client(try #require(Self.settings(company: id, mode: "supervised", login: login)))
        try await approver.callReturningNothing("hr.expense.sheet", "action_approve_expense_sheets", [RPCValue([sheet])], ["context": .structure(context)])
    }

    func notes(on sheets: [Int]) async throws -> Int {
        try await client.searchCount("mail.message", domain: [["model", "=", "hr.expense.sheet"], ["res_id", "in", RPCValue(sheets)],
                                                              ["body", "ilike", "[closer:"]])
    }

    /// The users of Closer's To-Dos on the report, oldest first.
    func toDos(on sheet: Int) async throws -> [Int] {
        try await client.searchRead("mail.activity", domain: [["res_model", "=", "hr.expense.sheet"], ["res_id", "=", RPCValue(sheet)],
                                                              ["summary", "ilike", "Closer:"]], fields: ["user_id"], order: "id")
            .compactMap { $0["user_id"]?.many2one?.id }
    }
}
