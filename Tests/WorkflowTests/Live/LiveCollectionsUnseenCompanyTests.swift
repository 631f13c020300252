import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Ledger
import OdooLedger
import OdooRPC
import Receivables
import Testing

/// Issue 18's bar on a company nobody tuned Closer for: in a scratch Odoo 18 database with `account`
/// (CLOSER_TEST_ODOO_HABITS_DB), a new company with a random name gets customers with random names and
/// known habits — some always pay 25 to 40 days after the due date, some within the grace days — as a year
/// of posted invoices paid through Odoo's own payment wizard on chosen days, plus an invoice each not yet
/// due. Pulled with the pull service and ranked with the worklist: the late payers lead, the on-time payers
/// are not chased. Every run builds a new company, so a re-run never meets what an earlier one left.
@Suite(.enabled(if: LiveHabitsCompany.settings(company: nil) != nil,
                "skipped: no scratch Odoo database with `account` (CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_HABITS_DB)"))
struct LiveCollectionsUnseenCompanyTests {
    @Test func lateHabitsLeadTheWorklistAndOnTimePayersAreNotChased() async throws {
        let company = try await LiveHabitsCompany.create()
        let today = LocalDate.todayUTC()
        var late: Set<Int> = [], onTime: Set<Int> = []
        for index in 0..<8 {
            let pays: ClosedRange<Int> = index.isMultiple(of: 2) ? 25...40 : -8...3
            let customer = try await company.customer()
            if index.isMultiple(of: 2) { late.insert(customer) } else { onTime.insert(customer) }
            for monthsBack in (1...11).reversed() {
                let invoiceDate = today.adding(months: -monthsBack).adding(days: Int.random(in: -5...5))
                let invoice = try await company.invoice(customer, on: invoiceDate, amountCents: Int.random(in: 100_000...130_000))
                let paidOn = invoiceDate.adding(days: 30 + Int.random(in: pays))
                if paidOn < today { try await company.registerPayment(invoice, on: paidOn) }
            }
            _ = try await company.invoice(customer, on: today.adding(days: -Int.random(in: 1...10)), amountCents: Int.random(in: 100_000...130_000))
        }

        let settings = try #require(LiveHabitsCompany.settings(company: company.id))
        let source = OdooGateway.source(settings)
        let store = try AppDatabase.inMemory()
        let key = source.sourceKey(companyID: company.id)
        let pull = try await PullService(store: store, actor: "live-test").pull(from: source, sourceKey: key, period: Period(containing: today),
                                                                                historyMonths: 13)
        #expect(pull.countsMatch == true)
        let book = ReceivablesBook(try store.loadSnapshot(sourceKey: key))
        #expect(book.invoices.count == 8 * 12, "pulled \(book.invoices.count) customer invoices")
        #expect(book.invoices.contains { $0.paidOn != nil }, "no invoice read as paid: the payments' matching numbers were not pulled")

        let model = PaymentDelayModel(history: book.invoices, creditNotes: book.creditNotes, knownOn: today, rules: RuleSet.builtIn.receivables.model)
        let worklist = CollectionsWorklist.rank(book.open, model: model, asOf: today)
        let described = worklist.map { "\(late.contains($0.invoice.customerID) ? "late" : "on-time") \($0.invoice.name) \($0.probabilityBasisPoints) bp" }
        print("[live] worklist of \(worklist.count): \(described.prefix(12).joined(separator: ", "))")
        #expect(worklist.prefix(late.count).allSatisfy { late.contains($0.invoice.customerID) }, "\(described)")
        let onTimeEntries = worklist.enumerated().filter { onTime.contains($0.element.invoice.customerID) }
        #expect(onTimeEntries.allSatisfy { $0.offset >= late.count && $0.element.probability < 0.35 }, "\(described)")
        // The model says why: the late payers' reason quotes their days late.
        let leader = try #require(worklist.first)
        #expect(leader.reason.contains("days late") && !leader.fromPrior, "\(leader.reason)")
    }
}

/// The scratch company: created with a random name and Odoo's generic chart of accounts; customers,
/// invoices and payments created in it through the External API, every call carrying the company.
struct LiveHabitsCompany {
    let client: OdooClient
    let id: Int

    /// `url` reaches the same Odoo another way (a proxy that watches the requests).
    static func settings(company: Int?, mode: String = "audit", url: String? = nil) -> OdooSettings? {
        let environment = ProcessInfo.processInfo.environment
        guard let base = environment["CLOSER_TEST_ODOO_URL"], let database = environment["CLOSER_TEST_ODOO_HABITS_DB"] else { return nil }
        var flags: [Setting: String] = [.odooURL: url ?? base, .odooDatabase: database, .odooUser: environment["CLOSER_TEST_ODOO_USER"] ?? "admin",
                                        .odooPassword: environment["CLOSER_TEST_ODOO_PASSWORD"] ?? "admin", .mode: mode]
        if let company { flags[.odooCompany] = String(company) }
        return try? OdooSettings(resolving: SettingsResolver(flags: flags, environment: [:], file: nil))
    }

    /// A new company, in `currency` (ISO code, activated if archived) when given.
    static func create(currency: String? = nil) async throws -> LiveHabitsCompany {
        let client = OdooGateway.client(try #require(settings(company: nil, mode: "supervised")))
        let name = "\(word(7).capitalized) \(["Trading", "Werke", "Distribution", "& Fils"].randomElement()!)"
        var values: RPCStruct = ["name": .string(name)]
        if let currency {
            let found = try await client.execute("res.currency", "search", [[["name", "=", .string(currency)]]], ["context": ["active_test": false]],
                                                 idempotent: true)
            let currencyID = try #require(found.arrayValue?.first?.int, "no currency \(currency)")
            try await client.write("res.currency", ids: [currencyID], ["active": true])
            values["currency_id"] = RPCValue(currencyID)
        }
        let id = try await client.create("res.company", [values])[0]
        let uid = try await client.authenticate()
        try await client.write("res.users", ids: [uid], ["company_ids": [[4, RPCValue(id)]]])
        try await client.callReturningNothing("account.chart.template", "try_loading", [[], "generic_coa", RPCValue(id)])
        print("[live] collections company \(id) '\(name)'")
        return LiveHabitsCompany(client: client, id: id)
    }

    static func word(_ length: Int) -> String { String((0..<length).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement()! }) }

    /// The company's context, with `extra` keys (the wizard's active records).
    func context(_ extra: RPCStruct = [:]) -> RPCStruct {
        var context: RPCStruct = ["allowed_company_ids": RPCValue([id])]
        for (key, value) in extra { context[key] = value }
        return context
    }

    func create(_ model: String, _ values: RPCStruct, context extra: RPCStruct = [:]) async throws -> Int {
        let value = try await client.execute(model, "create", [.array([.structure(values)])], ["context": .structure(context(extra))], idempotent: false)
        return try #require(value.int ?? value.arrayValue?.first?.int, "\(model).create answered \(value)")
    }

    func customer() async throws -> Int {
        try await create("res.partner", ["name": .string("\(Self.word(5).capitalized) \(Self.word(6).capitalized)"), "is_company": true])
    }

    /// A posted customer invoice of one line, due 30 days after its date (no payment term: the due date is the one given).
    func invoice(_ customer: Int, on date: LocalDate, amountCents: Int) async throws -> Int {
        let invoice = try await create("account.move", [
            "move_type": "out_invoice", "partner_id": RPCValue(customer), "company_id": RPCValue(id), "invoice_date": .string(date.description),
            "invoice_date_due": .string(date.adding(days: 30).description),
            "invoice_line_ids": [[0, 0, ["name": "Services", "quantity": 1, "price_unit": .double(WireNumber(minorUnits: Int64(amountCents), scale: 2)),
                                         "tax_ids": [[6, 0, []]]]]],
        ])
        try await client.callReturningNothing("account.move", "action_post", [RPCValue([invoice])], ["context": .structure(context())])
        return invoice
    }

    /// Pays the invoice in full on `date` through `account.payment.register`, as a user would.
    func registerPayment(_ invoice: Int, on date: LocalDate) async throws {
        let active: RPCStruct = ["active_model": "account.move", "active_ids": RPCValue([invoice])]
        let wizard = try await create("account.payment.register", ["payment_date": .string(date.description)], context: active)
        _ = try await client.execute("account.payment.register", "action_create_payments", [RPCValue([wizard])], ["context": .structure(context(active))],
                                     idempotent: false)
    }
}
