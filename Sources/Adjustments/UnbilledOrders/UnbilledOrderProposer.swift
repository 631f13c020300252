import Foundation
public import Ledger

/// Goods received on purchase orders but not billed (GRNI), or delivered on sale orders but not
/// invoiced, at period end: (received or delivered − invoiced) × the net order price, accrued and
/// reversed on the first day of the next period, when the bill or invoice takes over.
///
/// One proposal per order, not per line: the bill or invoice that replaces the accrual comes per
/// order, so the reviewer approves what the vendor or customer will send. Lines invoiced ahead of
/// delivery are left out (not netted): billed-before-received is a prepayment, not a negative accrual.
public struct UnbilledOrderProposer: AdjustmentProposer {
    public let side: OrderSide

    public init(side: OrderSide) { self.side = side }

    public var kind: AdjustmentKind { side == .purchase ? .receivedNotBilled : .deliveredNotInvoiced }

    public func proposals(in context: ProposalContext) -> [AdjustmentProposal] {
        let rules = context.rules.unbilledOrders
        let accrualCode = side == .purchase ? rules.receivedNotBilledCode : rules.deliveredNotInvoicedCode
        guard let journal = context.adjustmentJournal, let accrualAccount = context.accountsByCode[accrualCode] else { return [] }
        let due = context.snapshot.orderLines.filter { line in
            line.side == side && line.state.isConfirmed && line.orderDate <= context.period.end && line.quantityNotInvoiced > 0
        }
        return Dictionary(grouping: due, by: \.orderID).sorted { $0.key < $1.key }.compactMap { _, lines in
            proposal(for: lines.sorted { $0.id < $1.id }, accrualAccount: accrualAccount, journal: journal, in: context)
        }
    }

    private func proposal(for lines: [OrderLine], accrualAccount: Account, journal: Journal, in context: ProposalContext) -> AdjustmentProposal? {
        let order = lines[0]
        let home = context.currency
        let fallbackCode = side == .purchase ? context.rules.unbilledOrders.fallbackExpenseCode : context.rules.unbilledOrders.fallbackIncomeCode
        // Debits are positive: received goods are an expense now, delivered goods income (a credit).
        let goodsSign: Int64 = side == .purchase ? 1 : -1
        var entryLines: [ProposedLine] = []
        var steps: [CalculationStep] = []
        var total = home.zero
        var usedFallback = false
        for line in lines {
            guard let value = line.value(of: line.quantityNotInvoiced, in: home), !value.isZero else { continue }
            let productAccount = line.accountID.flatMap { context.accountsByID[$0] }
            guard let goodsAccount = productAccount ?? context.accountsByCode[fallbackCode] else { return nil }
            usedFallback = usedFallback || productAccount == nil
            let label = "\(line.orderName) \(line.productName)"
            entryLines.append(ProposedLine(accountID: goodsAccount.id, partnerID: line.partnerID, label: label,
                                           amount: home.money(goodsSign * value.minorUnits)))
            steps.append(CalculationStep(step(for: line, in: context), amount: value))
            total += value
        }
        guard !total.isZero else { return nil }
        let accrualLabel = (side == .purchase ? "Goods received not billed: " : "Goods delivered not invoiced: ") + order.orderName
        entryLines.append(ProposedLine(accountID: accrualAccount.id, partnerID: order.partnerID, label: accrualLabel,
                                       amount: home.money(-goodsSign * total.minorUnits)))
        steps.append(CalculationStep("Total \(side == .purchase ? "received not billed" : "delivered not invoiced") on \(order.orderName), "
                                     + "\(side == .purchase ? "credited to" : "debited to") \(accrualAccount.displayName)", amount: total))

        let foreign = lines.contains { $0.currencyID != home.id }
        var confidence = 0.95
        if foreign { confidence -= 0.15 }
        if usedFallback { confidence -= 0.1 }
        let subject = (side == .purchase ? "purchase-order-" : "sale-order-") + String(order.orderID)
        let entry = ProposedEntry(journalID: journal.id, date: context.period.end, ref: accrualLabel, lines: entryLines,
                                  reversalDate: context.period.next.start)
        let evidence = [RecordRef(model: order.orderModel, id: order.orderID, name: order.orderName)]
            + lines.map { RecordRef(model: $0.lineModel, id: $0.id, name: "\($0.orderName) \($0.productName)") }
        return AdjustmentProposal(kind: kind, company: context.companyRecord, period: context.period, subject: subject, entry: entry,
                                  calculation: steps, evidence: evidence, confidence: confidence,
                                  reason: reason(order: order, total: total, foreign: foreign, usedFallback: usedFallback, in: context))
    }

    /// "P00012 Steel stock: received 40, billed 25 → 15 × 12.50 EUR less 5 % ÷ rate 0.92".
    private func step(for line: OrderLine, in context: ProposalContext) -> String {
        let done = side == .purchase ? "received" : "delivered", invoiced = side == .purchase ? "billed" : "invoiced"
        let currency = context.snapshot.currencies.first { $0.id == line.currencyID }?.code.description ?? "currency \(line.currencyID)"
        var text = "\(line.orderName) \(line.productName): \(done) \(line.quantityFulfilled), \(invoiced) \(line.quantityInvoiced)"
            + " → \(line.quantityNotInvoiced) × \(line.unitPrice) \(currency)"
        if line.discountPercent != 0 { text += " less \(line.discountPercent) %" }
        if line.currencyID != context.currency.id { text += " ÷ order rate \(line.currencyRate)" }
        return text
    }

    private func reason(order: OrderLine, total: Money, foreign: Bool, usedFallback: Bool, in context: ProposalContext) -> String {
        let who = context.partnerName(order.partnerID)
        var text = side == .purchase
            ? "\(order.orderName) from \(who): goods worth \(total) were received by \(context.period.end) but not billed yet; "
                + "accrue them so the period carries their cost, reversed when the bill arrives."
            : "\(order.orderName) to \(who): goods worth \(total) were delivered by \(context.period.end) but not invoiced yet; "
                + "accrue the revenue so the period carries it, reversed when the invoice is posted."
        if foreign { text += " Priced in another currency: converted at the order's rate, not the period-end rate." }
        if usedFallback { text += " Some products name no \(side == .purchase ? "expense" : "income") account: the rule's fallback account is used." }
        return text
    }
}
