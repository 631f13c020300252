import Foundation
import Ledger

/// The purchase-order match of the demo: how each product is billed (on order or on receipt), the
/// bills of the purchase orders (their lines naming the order lines they bill, and adding up to each
/// line's invoiced quantity, as Odoo's `qty_invoiced` does), and the planted match problems with the
/// look-alikes the match must let through.
extension DemoOrders {
    /// How one purchase order is billed, and what the match should make of it.
    struct BillingPlan {
        /// Bills the invoiced quantity is split into: several bills on one order.
        var bills = 1
        /// The bills' unit price off the order's by this many basis points, up or down; nil for the order's price.
        var priceChangeBasisPoints: ClosedRange<Int>? = nil
        /// The exception kind the match must raise on the bills, if any.
        var problem: String? = nil
        /// The look-alike kind the match must not flag, if any.
        var lookAlike: String? = nil
    }

    /// A product billed ahead of its receipt is billed on order (as Odoo expects such a product to be);
    /// the others are shuffled and half are billed on receipt, so both kinds always exist.
    mutating func assignPurchaseMethods(_ random: inout DemoRandom) {
        let ahead = Set(lines.filter { $0.side == .purchase && $0.quantityInvoiced > $0.quantityFulfilled }.map(\.productName))
        var others = DemoGenerator.supplyLabels.filter { !ahead.contains($0) }
        random.shuffle(&others)
        var methods = Dictionary(uniqueKeysWithValues: ahead.map { ($0, DemoPurchasing.PurchaseMethod.onOrder) })
        for (index, product) in others.enumerated() { methods[product] = index < (others.count + 1) / 2 ? .onReceipt : .onOrder }
        purchasing.purchaseMethods = methods
    }

    /// One order per planted match problem and look-alike, each with a random supplier, product (of the
    /// billing method the case needs), quantities and price.
    mutating func plantMatchProblems(suppliers: [Int]) {
        let methods = purchasing.purchaseMethods
        let onReceipt = methods.filter { $0.value == .onReceipt }.keys.sorted(), onOrder = methods.filter { $0.value == .onOrder }.keys.sorted()
        add(.purchase, partner: random.pick(suppliers), [PlannedLine(progress: .invoicedAhead, products: onReceipt)],
            billed: BillingPlan(problem: "billed-over-received"))
        add(.purchase, partner: random.pick(suppliers), [PlannedLine(progress: .invoicedOverOrdered, products: onOrder)],
            billed: BillingPlan(problem: "billed-over-ordered"))
        add(.purchase, partner: random.pick(suppliers), [PlannedLine(progress: .fullyInvoiced)],
            billed: BillingPlan(priceChangeBasisPoints: 500...1_500, problem: "price-differs"))
        add(.purchase, partner: random.pick(suppliers), [PlannedLine(progress: .invoicedAsReceived, products: onReceipt)],
            billed: BillingPlan(bills: 2, lookAlike: "several-bills-one-order"))
        // Inside the rule set's default price tolerance (2 %).
        add(.purchase, partner: random.pick(suppliers), [PlannedLine(progress: .fullyInvoiced)],
            billed: BillingPlan(priceChangeBasisPoints: 25...150, lookAlike: "price-within-tolerance"))
    }

    /// The bills of every purchase order that invoiced something, dated in the close period on or after the
    /// order, and one bill of purchased goods keyed without its order.
    mutating func makeBills(_ random: inout DemoRandom, suppliers: [Int], firstBillID: Int, firstBillLineID: Int) {
        var nextBill = firstBillID, nextLine = firstBillLineID
        let linesByOrder = Dictionary(grouping: lines.filter { $0.side == .purchase }, by: \.orderID)
        for (orderID, plan) in billing {
            let billed = (linesByOrder[orderID] ?? []).filter { $0.quantityInvoiced > 0 }
            guard let first = billed.first else { continue }
            let shares = billed.map { split($0.quantityInvoiced, into: plan.bills, &random) }
            let prices = billed.map { unitPrice($0.unitPrice, changedBy: plan.priceChangeBasisPoints, &random) }
            var earliest = max(first.orderDate, period.start)
            var records: [RecordRef] = []
            for part in 0..<plan.bills {
                let date = billDate(from: earliest, &random)
                earliest = date
                var billLines: [DemoVendorBill.Line] = []
                for (index, line) in billed.enumerated() {
                    billLines.append(DemoVendorBill.Line(id: nextLine, product: line.productName, quantity: shares[index][part],
                                                         unitPrice: prices[index], purchaseLineID: line.id))
                    nextLine += 1
                }
                let name = "Bill \(part + 1) of \(first.orderName)"
                purchasing.bills.append(DemoVendorBill(id: nextBill, name: name, vendorID: first.partnerID ?? 0,
                                                       reference: Self.vendorReference(&random), invoiceDate: date, lines: billLines))
                records.append(RecordRef(model: "account.move", id: nextBill, name: name))
                nextBill += 1
            }
            let detail = zip(billed, prices).map { line, price in
                "\(line.orderName) '\(line.productName)' (billed on \(purchasing.purchaseMethods[line.productName] == .onReceipt ? "receipt" : "order")): "
                    + "\(line.quantityOrdered) ordered at \(line.unitPrice), \(line.quantityFulfilled) received, \(line.quantityInvoiced) billed "
                    + "in \(plan.bills) bill(s) at \(price)"
            }.joined(separator: "; ")
            if let kind = plan.problem { problems.append(PlantedProblem(kind: kind, records: records, detail: detail)) }
            if let kind = plan.lookAlike { lookAlikes.append(PlantedProblem(kind: kind, records: records, detail: detail)) }
        }
        // Goods of the category the rules require an order for, billed without one.
        let vendor = random.pick(suppliers), product = random.pick(DemoGenerator.supplyLabels)
        let bill = DemoVendorBill(id: nextBill, name: "Bill of \(product) without an order", vendorID: vendor,
                                  reference: Self.vendorReference(&random), invoiceDate: billDate(from: period.start, &random), lines: [
            DemoVendorBill.Line(id: nextLine, product: product, quantity: Decimal(random.int(2...30)),
                                unitPrice: Decimal(random.logUniform(500...50_000)) / 100, purchaseLineID: nil),
        ])
        purchasing.bills.append(bill)
        problems.append(PlantedProblem(kind: "no-purchase-order", records: [RecordRef(model: "account.move", id: bill.id, name: bill.name)],
                                       detail: "\(partners[vendor - 1].name) billed \(product) (\(DemoPurchasing.productCategory)) without a purchase order"))
    }

    /// `quantity` in `parts` whole, different quantities (two bills of one amount would look like a duplicate).
    private func split(_ quantity: Decimal, into parts: Int, _ random: inout DemoRandom) -> [Decimal] {
        guard parts > 1 else { return [quantity] }
        var shares: [Decimal] = []
        var left = NSDecimalNumber(decimal: quantity).intValue
        for part in (1..<parts).reversed() {
            var share = random.int(1...(left - part))
            if share * 2 == left { share += 1 }
            shares.append(Decimal(share))
            left -= share
        }
        return shares + [Decimal(left)]
    }

    private func unitPrice(_ ordered: Decimal, changedBy basisPoints: ClosedRange<Int>?, _ random: inout DemoRandom) -> Decimal {
        guard let basisPoints else { return ordered }
        let cents = NSDecimalNumber(decimal: ordered * 100).int64Value
        let change = max(1, cents * Int64(random.int(basisPoints)) / 10_000)
        return Decimal(random.chance(50) ? cents + change : cents - change) / 100
    }

    /// A day of the close period from `earliest` to the 28th.
    private func billDate(from earliest: LocalDate, _ random: inout DemoRandom) -> LocalDate {
        let last = LocalDate(year: period.year, month: period.month, day: 28)!
        return earliest.adding(days: random.int(0...max(0, earliest.days(until: last))))
    }

    private static func vendorReference(_ random: inout DemoRandom) -> String { "SI-" + String(random.int(100_000...999_999)) }
}
