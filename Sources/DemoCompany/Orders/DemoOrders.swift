import Foundation
import Ledger

/// Purchase and sale orders of the close period and the month before, some with goods received or
/// delivered but not (fully) invoiced at period end: the product-business accruals a close must book.
/// Generated after everything else from a random stream of their own, so the entries, bank lines and
/// other planted problems are the same with or without them; orders are not entries, checks never see them.
/// The purchase orders' bills and the purchase-order match's planted problems follow (`DemoOrders+Billing`).
struct DemoOrders {
    /// What happened to an order line by period end: (ordered, received or delivered, invoiced).
    enum Progress: CaseIterable {
        case notInvoiced, partlyInvoiced, fullyInvoiced, notFulfilled, invoicedAhead
        /// Received in part, billed for exactly what was received.
        case invoicedAsReceived
        /// Billed beyond the quantity ordered.
        case invoicedOverOrdered

        func quantities(_ random: inout DemoRandom) -> (ordered: Int, fulfilled: Int, invoiced: Int) {
            let ordered = random.int(6...40)
            switch self {
            case .notInvoiced: return (ordered, ordered, 0)
            case .partlyInvoiced:
                let fulfilled = random.int(3...ordered)
                return (ordered, fulfilled, random.int(1...(fulfilled - 1)))
            case .fullyInvoiced: return (ordered, ordered, ordered)
            case .notFulfilled: return (ordered, 0, 0)
            case .invoicedAhead: return (ordered, random.int(1...(ordered - 1)), ordered)
            case .invoicedAsReceived:
                let fulfilled = random.int(3...(ordered - 1))
                return (ordered, fulfilled, fulfilled)
            case .invoicedOverOrdered: return (ordered, random.int(0...ordered), ordered + random.int(1...5))
            }
        }
    }

    /// One planned line: what it sells or buys, its progress, and any discount or foreign currency.
    struct PlannedLine {
        var progress: Progress
        var discountPercent: Int64 = 0
        /// The products a purchase line may buy; nil for any supply.
        var products: [String]? = nil
    }

    /// Order currency units per USD for the EUR customer's order (Odoo's currency_rate).
    static let eurOrderRate = (micro: Int64(910_000), text: "0.91")
    static let seedSalt: UInt64 = 0x0D5E_12A1_0CC2_0A1D
    static let billingSalt: UInt64 = 0xB111_ED0C_DE25_A17E
    /// The asset delivered-not-invoiced accruals are debited to (Odoo 18's generic chart has it): added
    /// after the demo chart, so its id follows whatever accounts the chart has.
    static let productsToReceive = Account(id: DemoChart.accounts.count + 1, code: "121100", name: "Products to Receive", type: .currentAssets)

    private(set) var lines: [OrderLine] = []
    /// The planted problems: accruals to book, and bills the purchase-order match must stop.
    var problems: [PlantedProblem] = []
    /// Bills the purchase-order match must let through although they look wrong.
    var lookAlikes: [PlantedProblem] = []
    var purchasing = DemoPurchasing()
    var random: DemoRandom
    let period: Period
    let partners: [Partner]
    private var orderCount: [OrderSide: Int] = [:]
    private var lineCount: [OrderSide: Int] = [:]
    /// How each purchase order is to be billed, in order of creation.
    var billing: [(orderID: Int, plan: BillingPlan)] = []

    /// `firstBillID`, `firstBillLineID`: the ids the bills of purchase orders start at (after the ledger's moves and lines).
    init(seed: UInt64, period: Period, partners: [Partner], suppliers: [Int], customers: [Int], eurCustomer: Int,
         firstBillID: Int, firstBillLineID: Int) {
        random = DemoRandom(seed: seed ^ Self.seedSalt)
        self.period = period
        self.partners = partners
        // Planted: three orders per side with goods not (fully) invoiced; one of each mixes in a fully invoiced line,
        // one sale gives a discount, one is in EUR. Clean: fully invoiced, not yet delivered, invoiced ahead, cancelled.
        for side in OrderSide.allCases {
            let partnerPool = side == .purchase ? suppliers : customers
            add(side, partner: random.pick(partnerPool), [PlannedLine(progress: .notInvoiced), PlannedLine(progress: .notInvoiced)])
            add(side, partner: random.pick(partnerPool),
                [PlannedLine(progress: .partlyInvoiced, discountPercent: side == .sale ? 10 : 0), PlannedLine(progress: .fullyInvoiced)])
            add(side, partner: side == .sale ? eurCustomer : random.pick(partnerPool), [PlannedLine(progress: .partlyInvoiced)],
                currency: side == .sale ? DemoChart.eur : DemoChart.usd)
            add(side, partner: random.pick(partnerPool), [PlannedLine(progress: .fullyInvoiced), PlannedLine(progress: .fullyInvoiced)])
            add(side, partner: random.pick(partnerPool), [PlannedLine(progress: .notFulfilled)])
            add(side, partner: random.pick(partnerPool), [PlannedLine(progress: .invoicedAhead)],
                billed: BillingPlan(lookAlike: "billed-on-order-before-receipt"))
            add(side, partner: random.pick(partnerPool), [PlannedLine(progress: .notInvoiced)], state: .cancelled)
        }
        // Bills and the match's problems last, the bills from a stream of their own: the orders above stay as they were.
        var billingRandom = DemoRandom(seed: seed ^ Self.billingSalt)
        assignPurchaseMethods(&billingRandom)
        plantMatchProblems(suppliers: suppliers)
        makeBills(&billingRandom, suppliers: suppliers, firstBillID: firstBillID, firstBillLineID: firstBillLineID)
    }

    /// `billed`: how a purchase order is billed, for the purchase-order match (one bill for what was invoiced by default).
    mutating func add(_ side: OrderSide, partner: Int, _ planned: [PlannedLine], currency: Currency = DemoChart.usd,
                      state: OrderState? = nil, billed: BillingPlan = BillingPlan()) {
        let orderID = orderCount[side, default: 0] + 1
        orderCount[side] = orderID
        if side == .purchase && state != .cancelled { billing.append((orderID, billed)) }
        let name = (side == .purchase ? "P" : "S") + String(format: "%05d", orderID)
        let month = random.chance(50) ? period : period.previous
        let date = LocalDate(year: month.year, month: month.month, day: random.int(1...28))!
        let rate = currency == DemoChart.usd ? (micro: Int64(1_000_000), text: "1") : Self.eurOrderRate
        var expected: Int64 = 0
        for plan in planned {
            let lineID = lineCount[side, default: 0] + 1
            lineCount[side] = lineID
            let sold = DemoGenerator.products[random.int(0...(DemoGenerator.products.count - 1))]
            let (product, priceCents) = side == .purchase ? (random.pick(plan.products ?? DemoGenerator.supplyLabels), random.logUniform(500...50_000))
                                                          : (sold.label, sold.price)
            // Cancelled orders never received or delivered anything: Odoo refuses to cancel those.
            var quantities = plan.progress.quantities(&random)
            if state == .cancelled { quantities = (quantities.ordered, 0, 0) }
            lines.append(OrderLine(
                side: side, id: lineID, orderID: orderID, orderName: name, partnerID: partner, productName: product,
                accountID: side == .purchase ? DemoChart.AccountID.cogs : DemoChart.AccountID.sales,
                quantityOrdered: Decimal(quantities.ordered), quantityFulfilled: Decimal(quantities.fulfilled),
                quantityInvoiced: Decimal(quantities.invoiced), unitPrice: Decimal(priceCents) / 100, discountPercent: Decimal(plan.discountPercent),
                currencyID: currency.id, currencyRate: Decimal(string: rate.text)!, orderDate: date,
                state: state ?? (side == .purchase ? .purchase : .sale)))
            // The truth in integers, independent of OrderLine's decimal arithmetic: cents × quantity × (100 − discount) % ÷ rate, half up.
            let open = Int64(max(0, quantities.fulfilled - quantities.invoiced))
            expected += Self.halfUp(priceCents * open * (100 - plan.discountPercent) * 1_000_000, rate.micro * 100)
        }
        guard state != .cancelled, expected > 0 else { return }
        let who = partners[partner - 1].name
        let kind = side == .purchase ? "received-not-billed" : "delivered-not-invoiced"
        let what = side == .purchase ? "received from \(who), not billed" : "delivered to \(who), not invoiced"
        problems.append(PlantedProblem(
            kind: kind, records: [RecordRef(model: side == .purchase ? "purchase.order" : "sale.order", id: orderID, name: name)],
            detail: "\(name): goods \(what) by \(period.end): accrue \(DemoChart.usd.money(expected))", expectedAmount: DemoChart.usd.money(expected)))
    }

    /// numerator ÷ denominator rounded half away from zero, for positive values.
    static func halfUp(_ numerator: Int64, _ denominator: Int64) -> Int64 { (2 * numerator + denominator) / (2 * denominator) }
}

