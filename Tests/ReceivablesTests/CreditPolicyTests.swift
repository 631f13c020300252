import Ledger
import Receivables
import Testing

/// The credit policy on small customers: over the limit on exposure (orders not yet invoiced count), seriously
/// overdue with or without a limit, the reasons in words, and the step a run takes for each hold status.
@Suite struct CreditPolicyTests {
    static let asOf = LocalDate(iso: "2026-10-31")!
    static func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: CurrencyCode("EUR")!) }
    static func item(daysPastDue: Int, _ minor: Int64) -> OpenReceivable { OpenReceivable(dueDate: asOf.adding(days: -daysPastDue), amount: money(minor)) }
    static func customer(_ items: [OpenReceivable], orders: Int64 = 0, limit: Int64?) -> CustomerCredit {
        CustomerCredit(customerID: 7, customerName: "Acme", openItems: items, uninvoicedOrders: money(orders), limit: limit.map(money))
    }

    var policy: CreditPolicy {
        var rules = CreditRules()
        rules.seriouslyOverdueDays = 60
        return CreditPolicy(rules: rules)
    }

    @Test func ordersNotYetInvoicedPushTheExposurePastTheLimit() {
        let withinOnReceivable = Self.customer([Self.item(daysPastDue: -10, 900_000)], orders: 340_000, limit: 1_000_000)
        let verdict = policy.judge(withinOnReceivable, asOf: Self.asOf)
        #expect(verdict.overLimit)
        #expect(verdict.reasons == ["owes 12,400.00 EUR (9,000.00 EUR receivable and 3,400.00 EUR on confirmed orders not yet invoiced) against a limit of 10,000.00 EUR"])
        #expect(policy.step(verdict, openHold: nil) == .propose)
        #expect(policy.step(verdict, openHold: .applied) == .none)
    }

    @Test func exactlyAtTheLimitIsWithinIt() {
        let verdict = policy.judge(Self.customer([Self.item(daysPastDue: 5, 1_000_000)], limit: 1_000_000), asOf: Self.asOf)
        #expect(verdict.withinPolicy)
        #expect(verdict.standing == "owes 10,000.00 EUR against a limit of 10,000.00 EUR; nothing more than 60 days overdue")
    }

    @Test func aCustomerWithoutALimitIsJudgedOnlyOnWhatIsSeriouslyOverdue() {
        let recent = policy.judge(Self.customer([Self.item(daysPastDue: 60, 5_000_000)], limit: nil), asOf: Self.asOf)
        #expect(recent.withinPolicy, "exactly 60 days is not more than 60")
        let old = policy.judge(Self.customer([Self.item(daysPastDue: 61, 820_000), Self.item(daysPastDue: 90, 0), Self.item(daysPastDue: 3, 100_000)],
                                            limit: nil), asOf: Self.asOf)
        #expect(old.reasons == ["8,200.00 EUR more than 60 days overdue"])
        #expect(!old.overLimit)
    }

    @Test func anUnmatchedPaymentCapsWhatCountsAsOverdue() {
        let paidNotMatched = policy.judge(Self.customer([Self.item(daysPastDue: 80, 500_000), Self.item(daysPastDue: 0, -500_000)], limit: nil),
                                          asOf: Self.asOf)
        #expect(paidNotMatched.withinPolicy)
        #expect(paidNotMatched.seriouslyOverdue.isZero)
    }

    @Test func theOverdueMinimumIsInWholeUnits() {
        var rules = CreditRules()
        rules.seriouslyOverdueMinimum = 1_000
        let small = CreditPolicy(rules: rules).judge(Self.customer([Self.item(daysPastDue: 100, 99_999)], limit: nil), asOf: Self.asOf)
        let large = CreditPolicy(rules: rules).judge(Self.customer([Self.item(daysPastDue: 100, 100_000)], limit: nil), asOf: Self.asOf)
        #expect(small.withinPolicy && !large.withinPolicy)
    }

    @Test func backWithinPolicyReleasesAnAppliedHoldOnlyWhenTheRulesSaySoAndAlwaysWithdrawsAProposal() {
        let within = policy.judge(Self.customer([Self.item(daysPastDue: 1, 100)], limit: 1_000_000), asOf: Self.asOf)
        #expect(policy.step(within, openHold: .applied) == .release)
        #expect(policy.step(within, openHold: .approved) == .release)
        #expect(policy.step(within, openHold: nil) == .none)
        var manual = CreditRules()
        manual.releaseAutomatically = false
        #expect(CreditPolicy(rules: manual).step(within, openHold: .applied) == .none)
        #expect(CreditPolicy(rules: manual).step(within, openHold: .proposed) == .release)
    }
}
