import Foundation
import Ledger
import Payables
import Testing

@Suite struct PurchaseOrderMatcherTests {
    typealias F = BillFixture

    static func orderLine(_ id: Int, ordered: Decimal, received: Decimal, billed: Decimal, price: Decimal = 25,
                          policy: BilledOrderLine.BillingPolicy = .onReceipt, currency: CurrencyCode = CurrencyCode("EUR")!) -> BilledOrderLine {
        BilledOrderLine(line: OrderLine(side: .purchase, id: id, orderID: 40, orderName: "P00040", partnerID: 7, productName: "Toner",
                                        accountID: nil, quantityOrdered: ordered, quantityFulfilled: received, quantityInvoiced: billed,
                                        unitPrice: price, currencyID: 1, orderDate: LocalDate(iso: "2026-09-20")!, state: .purchase),
                        policy: policy, currency: currency)
    }

    static func bill(quantity: Decimal = 10, price: Decimal = 25, orderLine: Int? = 500, category: String? = nil, refund: Bool = false) -> VendorBill {
        F.bill(1, "INV-9", "250.00", on: "2026-10-05", refund: refund, orders: orderLine == nil ? [] : [40],
               lines: [VendorBillLine(id: 11, label: "Toner cartridges", quantity: quantity, unitPrice: price, purchaseLineID: orderLine,
                                      productCategory: category)])
    }

    let matcher = PurchaseOrderMatcher()

    @Test func aLineReceivedInPartAndBilledInFullIsAThreeWayExceptionNamingTheQuantities() {
        let result = matcher.match(Self.bill(), orderLines: [500: Self.orderLine(500, ordered: 10, received: 6, billed: 10)])
        #expect(result.exceptions.map(\.kind) == [.billedOverReceived])
        #expect(result.exceptions[0].message.contains("10 billed, 6 received") && result.exceptions[0].message.contains("P00040"))
        #expect(result.exceptions[0].fix.contains("remaining 4"))
        #expect(result.exceptions[0].billLineID == 11)
    }

    @Test func aProductBilledOnOrderMayBeBilledBeforeItArrives() {
        let result = matcher.match(Self.bill(), orderLines: [500: Self.orderLine(500, ordered: 10, received: 0, billed: 10, policy: .onOrder)])
        #expect(result.isMatched && result.matchedLines == 1)
    }

    @Test func billingMoreThanOrderedIsATwoWayException() {
        let result = matcher.match(Self.bill(quantity: 12), orderLines: [500: Self.orderLine(500, ordered: 10, received: 12, billed: 12)])
        #expect(result.exceptions.map(\.kind) == [.billedOverOrdered])
        #expect(result.exceptions[0].message.contains("12 billed across the order's bills, 10 ordered"))
        #expect(result.exceptions[0].fix.contains("credit note for 2"))
    }

    @Test func priceDifferencesPassWithinToleranceAndAreNamedBeyondIt() {
        let line = [500: Self.orderLine(500, ordered: 10, received: 10, billed: 10)]
        #expect(matcher.match(Self.bill(price: Decimal(string: "25.40")!), orderLines: line).isMatched, "2 % of 25 is 0.50")
        let dearer = matcher.match(Self.bill(price: Decimal(string: "27.50")!), orderLines: line)
        #expect(dearer.exceptions.map(\.kind) == [.priceDiffers])
        #expect(dearer.exceptions[0].message.contains("billed at 27.5 a unit, ordered at 25 (+2.5 a unit, tolerance 0.5)"))
        let strict = PurchaseOrderMatcher(rules: PurchaseMatchRules(priceToleranceAbsolute: 0, priceTolerancePercent: 0))
        #expect(!strict.match(Self.bill(price: Decimal(string: "25.01")!), orderLines: line).isMatched)
    }

    @Test func aDeletedOrderLineAnotherCurrencyAndABillWithoutLinesAreExceptionsNotCrashes() {
        #expect(matcher.match(Self.bill(), orderLines: [:]).exceptions.map(\.kind) == [.orderLineMissing])
        let dollars = matcher.match(Self.bill(), orderLines: [500: Self.orderLine(500, ordered: 10, received: 10, billed: 10, currency: CurrencyCode("USD")!)])
        #expect(dollars.exceptions.map(\.kind) == [.currencyDiffers])
        let empty = F.bill(2, "INV-10", "0.00", on: "2026-10-05")
        #expect(matcher.match(empty, orderLines: [:]).exceptions.map(\.kind) == [.noLines])
    }

    @Test func aBillWithoutAnOrderIsAnExceptionOnlyWhereTheRulesRequireOne() {
        let rules = PurchaseMatchRules(categoriesRequiringOrder: ["Raw materials"], vendorsRequiringOrder: [9])
        let matcher = PurchaseOrderMatcher(rules: rules)
        let raw = matcher.match(Self.bill(orderLine: nil, category: "Raw materials"), orderLines: [:])
        #expect(raw.exceptions.map(\.kind) == [.noPurchaseOrder] && raw.exceptions[0].message.contains("Raw materials"))
        #expect(matcher.match(Self.bill(orderLine: nil, category: "Services"), orderLines: [:]).isMatched)
    }

    @Test func aRefundIsNotHeldForQuantities() {
        let result = matcher.match(Self.bill(refund: true), orderLines: [500: Self.orderLine(500, ordered: 10, received: 6, billed: 14)])
        #expect(result.isMatched)
    }
}
