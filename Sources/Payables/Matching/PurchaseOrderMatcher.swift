import Foundation
import Ledger

/// Each bill line against the purchase order line it bills: 2-way (no more billed than ordered, the
/// price within tolerance) and, for products billed on receipt, 3-way (no more billed than received).
/// Billed quantities are Odoo's `qty_invoiced` of the order line, which counts every bill not
/// cancelled, so a second bill for goods already billed fails even though each alone would pass.
public struct PurchaseOrderMatcher: Sendable {
    public var rules: PurchaseMatchRules

    public init(rules: PurchaseMatchRules = PurchaseMatchRules()) {
        self.rules = rules
    }

    /// `orderLines`: the purchase order lines the bill's lines name, by id; one missing was deleted.
    public func match(_ bill: VendorBill, orderLines: [Int: BilledOrderLine]) -> BillMatch {
        guard !bill.lines.isEmpty else {
            return BillMatch(bill: bill, exceptions: [MatchException(
                kind: .noLines, billLineID: nil, message: "\(bill.title) has no product lines, so there is nothing to match or pay.",
                fix: "Add the lines from the vendor's invoice, or cancel the bill if it was created by mistake.")], matchedLines: 0)
        }
        var exceptions: [MatchException] = []
        var matched = 0
        var quantityChecked: Set<Int> = []
        for line in bill.lines {
            guard let orderLineID = line.purchaseLineID else { continue }
            guard let ordered = orderLines[orderLineID] else {
                exceptions.append(MatchException(
                    kind: .orderLineMissing, billLineID: line.id,
                    message: "Line '\(line.label)' of \(bill.title) bills purchase order line \(orderLineID), which Odoo no longer has "
                        + "(deleted after billing).",
                    fix: "Link the line to the order line it bills, or cancel the bill if the order was withdrawn."))
                continue
            }
            let found = lineExceptions(line, ordered, bill: bill, checkQuantity: quantityChecked.insert(orderLineID).inserted)
            exceptions += found
            if found.isEmpty { matched += 1 }
        }
        if matched == 0 && exceptions.isEmpty, let reason = orderRequirement(bill) {
            exceptions.append(MatchException(kind: .noPurchaseOrder, billLineID: nil, message: "\(bill.title) bills no purchase order, but \(reason).",
                                             fix: "Link the bill to its purchase order (Odoo's 'Auto-Complete' on the bill), or have the order "
                                                + "raised and approved first."))
        }
        return BillMatch(bill: bill, exceptions: exceptions, matchedLines: matched)
    }

    private func lineExceptions(_ line: VendorBillLine, _ ordered: BilledOrderLine, bill: VendorBill, checkQuantity: Bool) -> [MatchException] {
        let order = ordered.line
        // Words are built only for an exception: most lines pass, and a period has hundreds of thousands.
        var what: String { "Line '\(line.label)' of \(bill.title) (order \(order.orderName), '\(order.productName)')" }
        guard ordered.currency == bill.total.currency else {
            return [MatchException(kind: .currencyDiffers, billLineID: line.id,
                                   message: "\(what) is billed in \(bill.total.currency), the order is in \(ordered.currency).",
                                   fix: "Ask the vendor for a bill in the order's currency, or correct the bill's currency.")]
        }
        var found: [MatchException] = []
        // A refund takes quantities back: it can bring a line under its limits, never over them.
        if checkQuantity && !bill.isRefund {
            if order.quantityInvoiced > order.quantityOrdered + rules.quantityTolerance {
                found.append(MatchException(
                    kind: .billedOverOrdered, billLineID: line.id,
                    message: "\(what): \(order.quantityInvoiced) billed across the order's bills, \(order.quantityOrdered) ordered.",
                    fix: "Ask the vendor for a credit note for \(order.quantityInvoiced - order.quantityOrdered), or amend the order if more was agreed."))
            }
            if ordered.policy == .onReceipt && order.quantityInvoiced > order.quantityFulfilled + rules.quantityTolerance {
                found.append(MatchException(
                    kind: .billedOverReceived, billLineID: line.id,
                    message: "\(what): \(order.quantityInvoiced) billed, \(order.quantityFulfilled) received; the product is billed on receipt.",
                    fix: "Hold the bill until the remaining \(order.quantityInvoiced - order.quantityFulfilled) are received, "
                        + "or ask the vendor to bill only what arrived."))
            }
        }
        let difference = line.netUnitPrice - order.netUnitPrice
        let tolerance = rules.priceTolerance(at: order.netUnitPrice)
        if Swift.abs(difference) > tolerance {
            found.append(MatchException(
                kind: .priceDiffers, billLineID: line.id,
                message: "\(what): billed at \(line.netUnitPrice) a unit, ordered at \(order.netUnitPrice) "
                    + "(\(difference > 0 ? "+" : "")\(difference) a unit, tolerance \(tolerance)).",
                fix: "Ask the vendor for a corrected bill, or update the order's price if the new price was agreed."))
        }
        return found
    }

    /// Why this bill needed an order, if the rules say it did.
    private func orderRequirement(_ bill: VendorBill) -> String? {
        if rules.vendorsRequiringOrder.contains(bill.vendor.partnerID) { return "the rules require an order for \(bill.vendor.displayName)" }
        let categories = Set(bill.lines.compactMap(\.productCategory)).intersection(rules.categoriesRequiringOrder)
        return categories.isEmpty ? nil : "the rules require an order for " + categories.sorted().joined(separator: ", ")
    }
}
