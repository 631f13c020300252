/// `receivables.reminders`: the reminder ladder. An overdue invoice earns the highest level whose
/// `daysOverdue` it has reached; a customer's reminder lists every overdue invoice at its level.
public struct ReminderRules: Sendable, Equatable {
    public var levels: [ReminderLevel] = [
        ReminderLevel(level: 1, daysOverdue: 7, tone: .friendly, channel: .email, signedBy: .collector, autonomousSend: false),
        ReminderLevel(level: 2, daysOverdue: 21, tone: .firm, channel: .email, signedBy: .collector, autonomousSend: false),
        ReminderLevel(level: 3, daysOverdue: 45, tone: .final, channel: .letter, signedBy: .controller, autonomousSend: false),
    ]
    /// Who reviews and sends reminders (a Closer and Odoo login); nil: the customer's salesperson, else the administrator.
    public var collectorLogin: String?
    /// A bank statement line not yet reconciled that the bank matcher scores at least this against an
    /// invoice is taken as its payment: the invoice gets no reminder.
    public var paymentMatchScore = 0.8

    public init() {}

    /// The level an invoice this many days overdue has reached; nil before the first.
    public func level(daysOverdue: Int) -> ReminderLevel? {
        levels.last { daysOverdue >= $0.daysOverdue }
    }
}

/// One step of the ladder: from how many days overdue, in what tone, by which channel, signed by whom,
/// and whether autonomous mode may send it without a person (only ever level 1).
public struct ReminderLevel: Sendable, Hashable, Codable {
    public var level: Int
    public var daysOverdue: Int
    public var tone: ReminderTone
    public var channel: ReminderChannel
    public var signedBy: ReminderSigner
    public var autonomousSend: Bool

    public init(level: Int, daysOverdue: Int, tone: ReminderTone, channel: ReminderChannel, signedBy: ReminderSigner, autonomousSend: Bool) {
        self.level = level
        self.daysOverdue = daysOverdue
        self.tone = tone
        self.channel = channel
        self.signedBy = signedBy
        self.autonomousSend = autonomousSend
    }
}

public enum ReminderTone: String, Sendable, Codable, CaseIterable { case friendly, firm, final }
public enum ReminderChannel: String, Sendable, Codable, CaseIterable { case email, letter, phone }
/// Who signs the reminder: the collector who reviews it, or the controller.
public enum ReminderSigner: String, Sendable, Codable, CaseIterable { case collector, controller }
