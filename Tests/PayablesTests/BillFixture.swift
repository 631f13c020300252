import Foundation
import Ledger
import Payables

/// Small bills for the payables tests: one database with two companies, and another database.
enum BillFixture {
    static let home: SourceKey = .odoo(url: "https://erp.example.com", database: "acme", companyID: 1)
    static let sister: SourceKey = .odoo(url: "https://erp.example.com", database: "acme", companyID: 2)
    static let otherDatabase: SourceKey = .odoo(url: "https://erp.example.com", database: "beta", companyID: 1)
    static let supplies = BillVendor(partnerID: 7, name: "Office Supplies Ltd", taxID: "GB123456789")
    static let print = BillVendor(partnerID: 9, name: "Print & Co")

    static func bill(_ id: Int, _ reference: String?, _ amount: String, on date: String, vendor: BillVendor = supplies,
                     source: SourceKey = home, state: MoveState = .posted, refund: Bool = false, orders: Set<Int> = [],
                     attachments: Set<String> = [], lines: [VendorBillLine] = []) -> VendorBill {
        VendorBill(source: source, id: id, name: "BILL/\(id)", companyID: source.companyID ?? 1, vendor: vendor, reference: reference,
                   invoiceDate: LocalDate(iso: date), isRefund: refund, state: state,
                   total: try! Money(parsing: amount, currency: CurrencyCode("EUR")!, scale: 2), lines: lines, attachmentChecksums: attachments,
                   purchaseOrderIDs: orders)
    }
}
