
/// Why a bill line does not pass its order match, with the figures and the fix in words.
public struct MatchException: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable, CaseIterable {
        /// More billed than ordered (2-way).
        case billedOverOrdered = "billed-over-ordered"
        /// More billed than received, for a product billed on receipt (3-way).
        case billedOverReceived = "billed-over-received"
        /// The unit price differs from the order's beyond tolerance.
        case priceDiffers = "price-differs"
        /// The bill is in another currency than its order.
        case currencyDiffers = "currency-differs"
        /// The bill line names an order line Odoo no longer has (deleted after billing).
        case orderLineMissing = "order-line-missing"
        /// A bill the rules require to bill an order bills none.
        case noPurchaseOrder = "no-purchase-order"
        /// A bill without a line cannot be matched or paid as it stands.
        case noLines = "no-lines"
    }

    public var kind: Kind
    /// The bill line concerned; nil for what concerns the whole bill.
    public var billLineID: Int?
    public var message: String
    public var fix: String

    public init(kind: Kind, billLineID: Int?, message: String, fix: String) {
        self.kind = kind
        self.billLineID = billLineID
        self.message = message
        self.fix = fix
    }
}
