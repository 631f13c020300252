import CloseDemo
import CloseSettings
import DemoCompany
import Foundation
import Ledger
import Payables
import Testing

/// The demo company's purchase-order match: every planted problem (billed beyond receipt for a product
/// billed on receipt, beyond the order, at a price beyond tolerance, a bill of ordered goods without
/// its order) found as its kind, and none of the look-alikes (several bills on one order, a price
/// inside tolerance, a product billed on order billed before receipt, restarted numbering, the rent).
@Suite struct DemoPurchaseMatchTests {
    static func book(_ seed: UInt64) -> DemoBook {
        var options = DemoOptions()
        options.seed = seed
        return DemoCompany.generate(options)
    }

    static func matches(_ book: DemoBook, rules: RuleSet) -> [BillMatch] {
        let read = DemoPurchaseBills(book, source: .demo("northwind", seed: book.groundTruth.seed))
        let matcher = PurchaseOrderMatcher(rules: rules.payables.matching)
        return read.bills.map { matcher.match($0, orderLines: read.orderLines) }
    }

    @Test(arguments: [42, 7, 2024] as [UInt64])
    func everyPlantedProblemIsFoundAsItsKindAndNoLookAlike(seed: UInt64) {
        let book = Self.book(seed)
        let scores = ControlScore.score(Self.matches(book, rules: .demo), against: book.groundTruth)
        print("[po match seed \(seed)] " + scores.map { "\($0.kind) \($0.found)/\($0.planted), \($0.falsePositives) not planted" }.joined(separator: "; "))
        #expect(scores.map(\.kind) == ControlScore.purchaseMatchKinds, "kinds flagged without being planted")
        for score in scores {
            #expect(score.planted == 1 && score.found == 1 && score.falsePositives == 0 && score.lookAlikesFlagged == 0, "\(score)")
        }
        let kinds = Set(book.groundTruth.lookAlikes.map(\.kind))
        #expect(kinds.isSuperset(of: ["several-bills-one-order", "price-within-tolerance", "billed-on-order-before-receipt",
                                      "restarted-numbering", "recurring-same-amount"]))
    }

    /// Each order line's invoiced quantity is what its bills bill, as Odoo's qty_invoiced counts it.
    @Test(arguments: [42, 7, 2024] as [UInt64])
    func orderLinesInvoiceExactlyWhatTheirBillsBill(seed: UInt64) {
        let book = Self.book(seed)
        var billed: [Int: Decimal] = [:]
        for line in book.purchasing.bills.flatMap(\.lines) { if let order = line.purchaseLineID { billed[order, default: 0] += line.quantity } }
        for line in book.snapshot.orderLines where line.side == .purchase && line.state != .cancelled {
            #expect(billed[line.id, default: 0] == line.quantityInvoiced, "\(line.orderName) \(line.productName)")
            #expect(book.purchasing.purchaseMethods[line.productName] != nil)
        }
        let split = book.groundTruth.lookAlikes.first { $0.kind == "several-bills-one-order" }
        #expect(split?.records.count == 2)
    }

    /// The bill without an order is an exception only because the demo's rules require orders for its category.
    @Test func theBuiltInRulesRequireNoOrder() {
        let book = Self.book(42)
        #expect(RuleSet.demo.payables.matching.categoriesRequiringOrder == [DemoPurchasing.productCategory])
        let kinds = Set(Self.matches(book, rules: .builtIn).flatMap(\.exceptions).map(\.kind))
        #expect(!kinds.contains(.noPurchaseOrder) && kinds.contains(.billedOverReceived))
    }
}
