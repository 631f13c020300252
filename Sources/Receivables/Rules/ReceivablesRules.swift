/// The rule set's `receivables` section: how the payment-delay model learns, which reminder each day
/// overdue earns, when a customer's credit is held, and how long a promise to pay may slip.
public struct ReceivablesRules: Sendable, Equatable {
    public var model = DelayModelRules()
    public var reminders = ReminderRules()
    public var credit = CreditRules()
    public var promises = PromiseRules()

    public init() {}
}

/// `receivables.model`: the payment-delay model's settings (`PaymentDelayModel`).
public struct DelayModelRules: Sendable, Equatable {
    /// Days past the due date that still count as paid on time.
    public var graceDays = 5
    /// How many invoices' worth the company's prior counts for against a customer's own history.
    public var priorWeight = 4
    /// A payment weighs half as much this many invoices further back.
    public var halfLifeInvoices = 6

    public init() {}
}

/// `receivables.promises`: a promise to pay is broken once this many days pass after the promised date
/// with less than the promised amount received.
public struct PromiseRules: Sendable, Equatable {
    public var graceDays = 2

    public init() {}
}
