import CloseSettings
import CloseStore
import CloseWorkflows
import Governance
import Hummingbird
import Ledger

extension APIRoutes {
    /// `closer expenses check` over HTTP: a check reads Odoo and is kept, so the latest one is read without Odoo.
    var expenses: [Route] {
        [
            Route(endpoint: Endpoint(method: .post, path: "/api/v1/expenses/check", operationID: "checkExpenses",
                                     summary: "Check the expense reports live in Odoo against the rule set's expenses policy, for near-duplicates and receipts claimed twice, and for self-approval; outside audit mode note each finding once on its report for its approver. The report is kept.",
                                     access: .action(.writeToOdoo), requestSchema: "ExpenseCheckRequest", responseSchema: "ExpenseCheck",
                                     successStatus: 201, callsOdoo: true)) { request, context in
                let body = try await request.json(ExpenseCheckRequest.self)
                let period = try body.period.map { try Request.period($0) }
                guard let odoo = configuration.odoo else { throw APIError.noOdoo("Checking expense reports") }
                _ = try await ExpenseCheckService(store: store, settings: odoo, rules: configuration.ruleSet.expenses, actor: try context.actor)
                    .check(period: period, asOf: .todayUTC())
                return JSONBody(try Self.latestExpenseCheck(store), status: .created)
            },
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/expenses/check", operationID: "latestExpenseCheck",
                                     summary: "The latest expense check: each report checked with its findings, and what was noted in Odoo.",
                                     access: .reader, responseSchema: "ExpenseCheck")) { _, _ in
                JSONBody(try Self.latestExpenseCheck(store))
            },
        ]
    }

    static func latestExpenseCheck(_ store: AppDatabase) throws -> StoredExpenseCheck {
        guard let latest = try ExpenseCheckService.latest(in: store) else {
            throw APIError(.notFound, code: "not_checked", "No expense check yet: run a check first (POST /api/v1/expenses/check, or `closer expenses check`).")
        }
        return latest
    }
}

struct ExpenseCheckRequest: RequestBody, Codable, Sendable {
    static let fields: Set<String> = ["period"]
    /// YYYY-MM: the reports with an expense dated in it; nil: every report submitted and not yet paid.
    var period: String?
}
