import CloseStore
import Foundation
import Ledger
import Payables

/// Vendor-bill reviews put straight into a store, as the intake would leave them (no Odoo): two held
/// bills (a duplicate prepared by the approver "anna", ten days old; an order-match exception prepared by
/// "paul", two days old), a warned one, and two clear ones.
enum SeededBills {
    static let duplicate = 501
    static let overReceived = 502
    static let warned = 503
    static let supplies = BillVendor(partnerID: 7, name: "Office Supplies Ltd")
    static let printer = BillVendor(partnerID: 9, name: "Print & Co <b>")

    static func seed(_ store: AppDatabase, source: SourceKey, now: Date = Date()) throws {
        func bill(_ id: Int, _ reference: String, _ amount: String, vendor: BillVendor = supplies) -> VendorBill {
            VendorBill(source: source, id: id, name: "BILL/\(id)", companyID: 1, vendor: vendor, reference: reference,
                       invoiceDate: LocalDate(iso: "2026-10-15"), state: .posted, total: try! Money(parsing: amount, currency: CurrencyCode("EUR")!, scale: 2))
        }
        func record(_ verdict: BillVerdict, preparer: String, daysAgo: Double) throws {
            try store.recordBillVerdict(verdict, preparerLogin: preparer, actor: "intake", at: now.addingTimeInterval(-daysAgo * 86_400))
        }
        let original = bill(500, "INV-0042", "1234.50")
        let copy = bill(duplicate, "inv 42", "1234.50")
        let hit = DuplicateHit(bill: copy, original: original, signals: [.reformattedReference], reason: "BILL/501 looks like BILL/500")
        try record(BillVerdict(bill: copy, duplicates: [hit], match: nil, rules: IntakeRules()), preparer: "anna", daysAgo: 10)

        let overBilled = bill(overReceived, "P-7", "880.00", vendor: printer)
        let exception = MatchException(kind: .billedOverReceived, billLineID: 77, message: "Line 77 bills 10 units; 6 were received.",
                                       fix: "Wait for the rest of the delivery or ask for a credit note.")
        let match = BillMatch(bill: overBilled, exceptions: [exception], matchedLines: 0)
        try record(BillVerdict(bill: overBilled, duplicates: [], match: match, rules: IntakeRules()), preparer: "paul", daysAgo: 2)

        let repeated = bill(warned, "R-9", "99.00")
        let coincidence = DuplicateHit(bill: repeated, original: bill(499, "R-8", "99.00"), signals: [.sameAmountNearDate], reason: "Same amount")
        try record(BillVerdict(bill: repeated, duplicates: [coincidence], match: nil, rules: IntakeRules()), preparer: "paul", daysAgo: 1)

        for id in [504, 505] {
            try record(BillVerdict(bill: bill(id, "OK-\(id)", "10.00"), duplicates: [], match: nil, rules: IntakeRules()), preparer: "paul", daysAgo: 0)
        }
    }
}
