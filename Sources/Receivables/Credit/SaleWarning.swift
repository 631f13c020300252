import Foundation

/// A customer's warning on sales orders in Odoo (`res.partner.sale_warn` and `sale_warn_msg`): `no-message`,
/// `warning` (shown when a quotation is made for the customer) or `block` (shown, and the customer taken
/// off the quotation). What a credit hold sets, and what its release puts back.
public struct SaleWarning: Sendable, Codable, Hashable {
    public static let block = "block"
    public static let none = "no-message"

    public var level: String
    public var message: String?

    public init(level: String, message: String?) {
        self.level = level
        self.message = message
    }

    /// Whether `hold`'s marker is in the message: the warning is that hold's.
    public func isHold(_ holdID: Int64) -> Bool { level == Self.block && (message ?? "").contains(Self.marker(holdID)) }

    /// The text that names a hold in the message, found again after a lost answer.
    public static func marker(_ holdID: Int64) -> String { "[Closer credit hold #\(holdID)]" }

    /// The blocking warning of hold `holdID`: Closer's text first, then the message that was there before (kept, since a block
    /// someone else set stays theirs too).
    public static func hold(_ holdID: Int64, reasons: [String], approvedBy: String, previous: SaleWarning) -> SaleWarning {
        let text = "\(marker(holdID)) Credit on hold by Closer, approved by \(approvedBy): \(reasons.joined(separator: "; ")). "
            + "Ask accounting before taking a new order; Closer lifts the hold once the customer is back within the credit policy."
        let before = (previous.message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return SaleWarning(level: block, message: before.isEmpty || previous.level == none ? text : text + "\n\n" + before)
    }
}
