/// The rule set's `payables.intake` section: what each duplicate signal and a failed order match lead to,
/// and who is asked to look.
public struct IntakeRules: Sendable, Codable, Hashable {
    /// The action for a duplicate showing this signal (its strongest one decides).
    public var duplicateActions: [DuplicateSignal: IntakeAction]
    /// The action for a bill with an order-match exception.
    public var matchExceptionAction: IntakeAction
    /// The Odoo login of the AP clerk who gets the To-Do of a held bill; nil gives it to the bill's
    /// responsible user (its salesperson, else whoever created it).
    public var apClerkLogin: String?
    /// Days a blocked bill may wait for its release or fix before the exception queue shows it overdue.
    public var slaDays: Int

    public init(duplicateActions: [DuplicateSignal: IntakeAction] = Self.defaultDuplicateActions,
                matchExceptionAction: IntakeAction = .hold, apClerkLogin: String? = nil, slaDays: Int = Self.defaultSLADays) {
        self.duplicateActions = duplicateActions
        self.matchExceptionAction = matchExceptionAction
        self.apClerkLogin = apClerkLogin
        self.slaDays = slaDays
    }

    /// A working week: long enough to ask the vendor, short enough that a held bill's due date is not missed.
    public static let defaultSLADays = 5

    /// Who answers for a bill in the exception queue: the AP clerk when the rules name one, else whoever entered it.
    public func owner(preparerLogin: String?) -> String? {
        apClerkLogin ?? preparerLogin
    }

    /// Strong signals hold the bill, a cross-vendor reference needs a second look, a same-amount
    /// coincidence is only noted.
    public static let defaultDuplicateActions: [DuplicateSignal: IntakeAction] = [
        .exactReference: .hold, .sameAttachment: .hold, .reformattedReference: .hold,
        .otherVendorSameReference: .secondApprover, .sameAmountNearDate: .warn,
    ]

    /// The action for a duplicate hit: the strongest of its signals' actions (a signal the rules leave out warns).
    public func action(for hit: DuplicateHit) -> IntakeAction {
        hit.signals.map { duplicateActions[$0] ?? .warn }.max() ?? .warn
    }
}
