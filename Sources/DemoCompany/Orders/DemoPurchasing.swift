public import Foundation
public import Ledger

/// What Odoo's purchase and stock apps hold for the demo's purchase orders beyond the order lines
/// (in the snapshot): how each product is billed, and the vendor bills whose lines bill order lines
/// (`purchase_line_id`). The bills are not entries of the demo ledger, so the checks never see them;
/// the purchase-order match and the push to Odoo do.
public struct DemoPurchasing: Sendable, Codable, Hashable {
    /// Odoo's `product.template.purchase_method`.
    public enum PurchaseMethod: String, Sendable, Codable, Hashable {
        /// "On ordered quantities": billing ahead of the goods is expected.
        case onOrder = "purchase"
        /// "On received quantities": a bill may not run ahead of the receipts.
        case onReceipt = "receive"
    }

    /// The product category every purchased product is in; the demo's rules require an order for it.
    public static let productCategory = "Production materials"

    /// How each purchased product (by name) is billed.
    public var purchaseMethods: [String: PurchaseMethod]
    /// The bills of the close period that bill order lines, and any that should have and do not.
    public var bills: [DemoVendorBill]

    public init(purchaseMethods: [String: PurchaseMethod] = [:], bills: [DemoVendorBill] = []) {
        self.purchaseMethods = purchaseMethods
        self.bills = bills
    }
}

/// A vendor bill of purchased products, in the company currency; ids follow the ledger's moves and lines.
public struct DemoVendorBill: Sendable, Codable, Hashable {
    public struct Line: Sendable, Codable, Hashable {
        public var id: Int
        public var product: String
        public var quantity: Decimal
        public var unitPrice: Decimal
        /// The purchase order line it bills; nil for a bill keyed without its order.
        public var purchaseLineID: Int?
    }

    public var id: Int
    public var name: String
    public var vendorID: Int
    /// The vendor's own invoice number.
    public var reference: String
    public var invoiceDate: LocalDate
    public var lines: [Line]
}
