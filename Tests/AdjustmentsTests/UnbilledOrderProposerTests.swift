import Adjustments
import Foundation
import Ledger
import Testing

/// One small company with a purchase and a sale order, to pin down what an unbilled order proposes.
@Suite struct UnbilledOrderProposerTests {
    static let usd = Currency(id: 1, code: .usd)
    static let eur = Currency(id: 2, code: .eur)
    static let period = try! Period(parsing: "2026-10")
    static let accounts = [
        Account(id: 12, code: "212000", name: "Accrued Liabilities", type: .currentLiabilities),
        Account(id: 18, code: "400000", name: "Product Sales", type: .income),
        Account(id: 20, code: "500000", name: "Cost of Goods Sold", type: .costOfRevenue),
        Account(id: 37, code: "121100", name: "Products to Receive", type: .currentAssets),
        Account(id: 40, code: "110100", name: "Stock Valuation", type: .currentAssets),
    ]

    static func line(_ side: OrderSide = .purchase, id: Int = 1, order: Int = 5, account: Int? = 40, ordered: String = "10",
                     fulfilled: String, invoiced: String, price: String = "12.50", discount: Decimal = 0,
                     currency: Currency = usd, rate: String = "1", state: OrderState? = nil) -> OrderLine {
        OrderLine(side: side, id: id, orderID: order, orderName: side == .purchase ? "P0000\(order)" : "S0000\(order)", partnerID: 3,
                  productName: "Steel bracket", accountID: account, quantityOrdered: Decimal(string: ordered)!,
                  quantityFulfilled: Decimal(string: fulfilled)!, quantityInvoiced: Decimal(string: invoiced)!, unitPrice: Decimal(string: price)!,
                  discountPercent: discount, currencyID: currency.id, currencyRate: Decimal(string: rate)!,
                  orderDate: LocalDate(iso: "2026-10-05")!, state: state ?? (side == .purchase ? .purchase : .sale))
    }

    static func proposals(_ lines: [OrderLine], side: OrderSide = .purchase) -> [AdjustmentProposal] {
        let snapshot = LedgerSnapshot(company: Company(id: 1, name: "Test Co", currency: usd), currencies: [usd, eur], accounts: accounts,
                                      journals: [Journal(id: 3, code: "MISC", name: "Miscellaneous", type: .general)],
                                      partners: [Partner(id: 3, name: "Steelworks")], orderLines: lines)
        return UnbilledOrderProposer(side: side).proposals(in: ProposalContext(snapshot: snapshot, period: period))
    }

    @Test func partlyBilledGoodsAccrueTheReceivedRemainder() throws {
        // Received 7.5 of 10, billed 2.5: 5 × 12.50 = 62.50 on the stock account, credited to accrued liabilities.
        let proposal = try #require(Self.proposals([Self.line(fulfilled: "7.5", invoiced: "2.5")]).first)
        #expect(proposal.kind == .receivedNotBilled && proposal.subject == "purchase-order-5")
        #expect(proposal.entry.lines.map(\.accountID) == [40, 12])
        #expect(proposal.entry.lines.map(\.amount) == [Self.usd.money(6_250), Self.usd.money(-6_250)])
        #expect(proposal.entry.date == LocalDate(iso: "2026-10-31")! && proposal.entry.reversalDate == LocalDate(iso: "2026-11-01")!)
        #expect(proposal.calculation.first?.description.contains("received 7.5, billed 2.5 → 5 × 12.5 USD") == true)
        #expect(proposal.evidence.map(\.model) == ["purchase.order", "purchase.order.line"])
        #expect(proposal.confidence == 0.95)
    }

    @Test func linesOfOneOrderMakeOneProposalAndInvoicedAheadLinesAreNotNetted() throws {
        let proposals = Self.proposals([
            Self.line(id: 1, fulfilled: "4", invoiced: "0"),
            Self.line(id: 2, fulfilled: "2", invoiced: "6"),   // billed ahead of receipt: a prepayment, not a negative accrual
            Self.line(id: 3, order: 6, fulfilled: "3", invoiced: "9"),
        ])
        #expect(proposals.count == 1)
        #expect(proposals.first?.entry.total == Self.usd.money(5_000))
        // The evidence is the order and the lines accrued.
        #expect(proposals.first?.evidence.map(\.id) == [5, 1])
    }

    @Test func cancelledUnconfirmedAndLaterOrdersAreIgnored() {
        var later = Self.line(order: 8, fulfilled: "4", invoiced: "0")
        later.orderDate = LocalDate(iso: "2026-11-02")!
        #expect(Self.proposals([
            Self.line(order: 5, fulfilled: "4", invoiced: "0", state: .cancelled),
            Self.line(order: 6, fulfilled: "4", invoiced: "0", state: "draft"),
            Self.line(order: 7, fulfilled: "4", invoiced: "4"),
            later,
        ]).isEmpty)
    }

    @Test func deliveredGoodsDebitUnbilledReceivablesAndCreditIncome() throws {
        // 3 delivered, none invoiced, 19.99 less 10 %: 3 × 17.991 = 53.973 → 53.97.
        let proposal = try #require(Self.proposals([Self.line(.sale, account: 18, fulfilled: "3", invoiced: "0", price: "19.99", discount: 10)],
                                                   side: .sale).first)
        #expect(proposal.kind == .deliveredNotInvoiced && proposal.subject == "sale-order-5")
        #expect(proposal.entry.lines.map(\.accountID) == [18, 37])
        #expect(proposal.entry.lines.map(\.amount) == [Self.usd.money(-5_397), Self.usd.money(5_397)])
    }

    @Test func foreignPricesAndFallbackAccountsLowerTheConfidence() throws {
        // 2 × 10.00 EUR at 0.8 EUR per USD = 25.00 USD; the product names no account, so the rule's 500000 takes it.
        let proposal = try #require(Self.proposals([Self.line(account: nil, fulfilled: "2", invoiced: "0", price: "10", currency: Self.eur, rate: "0.8")]).first)
        #expect(proposal.entry.lines.map(\.accountID) == [20, 12])
        #expect(proposal.entry.total == Self.usd.money(2_500))
        #expect(proposal.confidence < 0.75)
        #expect(proposal.reason.contains("order's rate") && proposal.reason.contains("fallback"))
    }

    @Test func valuationRoundsHalfUpOncePerLine() {
        // 3 × 0.335 = 1.005 → 1.01 (half up, as Odoo's subtotal), not 1.00 (half even).
        #expect(Self.line(fulfilled: "3", invoiced: "0", price: "0.335").value(of: 3, in: Self.usd) == Self.usd.money(101))
        #expect(Self.line(fulfilled: "1", invoiced: "0", price: "1").value(of: Decimal(string: "0.125")!, in: Self.usd) == Self.usd.money(13))
    }
}
