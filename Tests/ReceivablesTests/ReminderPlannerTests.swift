import Ledger
import Receivables
import Testing

/// The reminder ladder: one draft per customer at the level its most overdue invoice reached, listing
/// every overdue invoice not left out; a broken promise raises the level once; the words say it all.
@Suite struct ReminderPlannerTests {
    static let asOf = LocalDate(iso: "2026-11-30")!
    static let usd = Currency(id: 1, code: CurrencyCode("USD")!)

    static func invoice(_ id: Int, customer: Int, daysOverdue: Int, open: Int64) -> CustomerInvoice {
        let due = asOf.adding(days: -daysOverdue)
        return CustomerInvoice(id: id, name: "INV/\(id)", customerID: customer, customerName: "Customer \(customer)", invoiceDate: due.adding(days: -30),
                               dueDate: due, total: usd.money(open), open: usd.money(open))
    }

    @Test func eachCustomerGetsOneDraftAtTheLevelItsOldestInvoiceReached() {
        let open = [Self.invoice(1, customer: 7, daysOverdue: 50, open: 100_00), Self.invoice(2, customer: 7, daysOverdue: 3, open: 40_00),
                    Self.invoice(3, customer: 8, daysOverdue: 10, open: 70_00), Self.invoice(4, customer: 9, daysOverdue: 6, open: 10_00),
                    Self.invoice(5, customer: 9, daysOverdue: -5, open: 20_00)]
        let plan = ReminderPlanner.plan(open: open, asOf: Self.asOf, rules: ReminderRules(), exclusions: [:])
        let byCustomer = Dictionary(uniqueKeysWithValues: plan.drafts.map { ($0.customerID, $0) })
        #expect(byCustomer[7]?.level.level == 3 && byCustomer[7]?.level.signedBy == .controller)
        #expect(byCustomer[7]?.items.map(\.invoiceID) == [1, 2] && byCustomer[7]?.total == Self.usd.money(140_00), "every overdue invoice is listed")
        #expect(byCustomer[8]?.level.level == 1 && byCustomer[8]?.level.tone == .friendly)
        #expect(byCustomer[9] == nil, "6 days overdue is before the first level (7); a not yet due invoice is never listed")
        #expect(plan.drafts.first?.customerID == 7, "highest level first")

        let letter = ReminderLetter.text(byCustomer[7]!, signedBy: "Financial Controller", companyName: "Acme")
        #expect(letter.contains("This is our final notice") && !letter.contains("reminder") && letter.contains("INV/1, due 2026-10-11 (50 days overdue): 100.00 USD")
                && letter.contains("Total overdue: 140.00 USD") && letter.hasSuffix("Financial Controller\nAcme"))
    }

    @Test func leftOutInvoicesSayWhyAndABrokenPromiseEscalatesOnce() {
        let open = [Self.invoice(1, customer: 7, daysOverdue: 25, open: 100_00), Self.invoice(2, customer: 7, daysOverdue: 8, open: 40_00),
                    Self.invoice(3, customer: 8, daysOverdue: 60, open: 70_00)]
        let exclusions: [Int: ReminderExclusion] = [
            1: .disputed(reason: "goods returned"),
            3: .paymentOnBankLine(statementLineID: 44, date: LocalDate(iso: "2026-11-28")!, amount: Self.usd.money(70_00), probability: 0.97),
        ]
        let plan = ReminderPlanner.plan(open: open, asOf: Self.asOf, rules: ReminderRules(), exclusions: exclusions, brokenPromises: [7])
        #expect(plan.drafts.count == 1 && plan.drafts[0].items.map(\.invoiceID) == [2], "the disputed and the paid-on-the-bank invoices are left out")
        #expect(plan.drafts[0].level.level == 2 && plan.drafts[0].escalated, "8 days gives level 1; the broken promise raises it to 2")
        #expect(plan.skipped.map(\.invoice.id) == [3, 1])
        #expect(plan.skipped[0].reason.text == "a payment of 70.00 USD on the bank statement of 2026-11-28 (line 44, match 97 %) awaits reconciliation")

        let top = ReminderPlanner.plan(open: [Self.invoice(3, customer: 8, daysOverdue: 60, open: 70_00)], asOf: Self.asOf, rules: ReminderRules(),
                                       exclusions: [:], brokenPromises: [8])
        #expect(top.drafts[0].level.level == 3 && !top.drafts[0].escalated, "the last level cannot go higher")
    }
}
