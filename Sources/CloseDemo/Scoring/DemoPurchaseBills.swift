public import DemoCompany
import Foundation
public import Ledger
public import Payables

/// The demo's close-period vendor bills and the purchase order lines they bill, as `closer payables
/// match` reads them from Odoo once the demo is pushed: the ledger's bills with their product lines
/// (no product, no order), and the bills of purchase orders with lines naming the order lines they
/// bill; each order line with its product's billing method.
public struct DemoPurchaseBills: Sendable {
    public var bills: [VendorBill]
    public var orderLines: [Int: BilledOrderLine]

    public init(_ book: DemoBook, source: SourceKey) {
        let snapshot = book.snapshot, period = book.groundTruth.period
        let home = snapshot.company.currency
        let products = Dictionary(grouping: snapshot.lines.filter { $0.kind == .product }, by: \.moveID)
        let ledgerBills = VendorBill.bills(in: snapshot, source: source).filter {
            $0.state != .cancelled && $0.invoiceDate.map(period.contains) == true
        }.map { header in
            var bill = header
            // Quantity 1 at the line's amount, as the push writes them.
            bill.lines = (products[header.id] ?? []).map { line in
                VendorBillLine(id: line.id, label: line.label, quantity: 1,
                               unitPrice: Decimal(string: (line.debit - line.credit).magnitude.decimalText) ?? 0)
            }
            return bill
        }
        let partners = Dictionary(snapshot.partners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let purchaseLines = snapshot.orderLines.filter { $0.side == .purchase }
        let methods = book.purchasing.purchaseMethods
        orderLines = Dictionary(purchaseLines.map { line in
            let method = methods[line.productName] ?? .onOrder
            let currency = snapshot.currencies.first { $0.id == line.currencyID }?.code ?? home.code
            return (line.id, BilledOrderLine(line: line, policy: BilledOrderLine.BillingPolicy(rawValue: method.rawValue) ?? .onOrder, currency: currency))
        }, uniquingKeysWith: { first, _ in first })
        let orderOfLine = orderLines.mapValues(\.line.orderID)
        let orderBills = book.purchasing.bills.map { bill in
            let lines = bill.lines.map { line in
                VendorBillLine(id: line.id, label: line.product, quantity: line.quantity, unitPrice: line.unitPrice,
                               purchaseLineID: line.purchaseLineID, productCategory: DemoPurchasing.productCategory)
            }
            let untaxed = lines.reduce(Decimal(0)) { $0 + $1.quantity * $1.unitPrice } * 100
            return VendorBill(source: source, id: bill.id, name: bill.name, companyID: snapshot.company.id,
                              vendor: BillVendor(partnerID: bill.vendorID, name: partners[bill.vendorID]), reference: bill.reference,
                              invoiceDate: bill.invoiceDate, state: .posted, total: home.money(NSDecimalNumber(decimal: untaxed).int64Value),
                              lines: lines, purchaseOrderIDs: Set(lines.compactMap { $0.purchaseLineID.flatMap { orderOfLine[$0] } }))
        }
        bills = ledgerBills + orderBills
    }
}
