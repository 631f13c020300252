public import Ledger

/// A purchase order line as the match reads it: the order line itself (ordered, received and billed
/// so far, in Odoo's `qty_invoiced`, which counts every bill not cancelled, refunds subtracted) and
/// when the product is billed — on order or on receipt (`product.template.purchase_method`).
public struct BilledOrderLine: Sendable, Codable, Hashable {
    public enum BillingPolicy: String, Sendable, Codable, Hashable {
        /// "On ordered quantities": billing ahead of the goods is expected.
        case onOrder = "purchase"
        /// "On received quantities": a bill may not run ahead of the receipts (3-way).
        case onReceipt = "receive"
    }

    public var line: OrderLine
    public var policy: BillingPolicy
    /// The order's currency code, compared with the bill's.
    public var currency: CurrencyCode

    public init(line: OrderLine, policy: BillingPolicy, currency: CurrencyCode) {
        self.line = line
        self.policy = policy
        self.currency = currency
    }
}
