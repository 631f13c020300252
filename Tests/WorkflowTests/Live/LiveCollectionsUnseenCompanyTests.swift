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
@Suite(.enabled(if: LiveScratchCompany.settings(.habits, company: nil) != nil,
                "skipped: no scratch Odoo database with `account` (CLOSER_TEST_ODOO_URL, CLOSER_TEST_ODOO_HABITS_DB)"))
struct LiveCollectionsUnseenCompanyTests {
    @Test func lateHabitsLeadTheWorklistAndOnTimePayersAreNotChased() async throws {
        let company = try await LiveScratchCompany.create(in: .habits, kind: "Trading")
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

        let settings = try #require(company.settings())
        let source = OdooGateway.source(settings)
        let store = try AppDatabase.inMemory()
        let key = source.sourceKey(companyID: company.id)
        let pull = try await PullService(store: store, actor: "live-test").pull(from: source, sourceKey: key, period: Period(containing: today),
                                                                                historyMonths: 13)
        #expect(pull.countsMatch == true)
        let snapshot = try store.loadSnapshot(sourceKey: key)
        // The company's partner speaks the creating user's language, English (US): dates month first, as service periods are read.
        #expect(snapshot.company.dateOrder == .monthFirst)
        let book = ReceivablesBook(snapshot)
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
