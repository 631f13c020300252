public import Ledger
/// A finding noted on an Odoo record's chatter: the note and the to-do activity that asks someone
/// to act. Identified by the ledger, the finding's fingerprint and its first record.
public struct FindingPost: Sendable, Codable, Hashable {
    public var sourceKey: SourceKey
    public var fingerprint: String
    /// The finding's first record, part of the identity.
    public var model: String
    public var resID: Int
    public var checkID: String
    public var period: String
    /// The record whose chatter holds the note (a bank statement line's note goes on its move).
    public var threadModel: String
    public var threadID: Int
    public var messageID: Int
    /// nil when the thread's model takes no activities.
    public var activityID: Int?
    /// True when an earlier, unrecorded attempt had already posted it and Odoo was searched for it.
    public var foundInOdoo: Bool

    public init(sourceKey: SourceKey, fingerprint: String, model: String, resID: Int, checkID: String, period: String,
                threadModel: String, threadID: Int, messageID: Int, activityID: Int?, foundInOdoo: Bool) {
        self.sourceKey = sourceKey
        self.fingerprint = fingerprint
        self.model = model
        self.resID = resID
        self.checkID = checkID
        self.period = period
        self.threadModel = threadModel
        self.threadID = threadID
        self.messageID = messageID
        self.activityID = activityID
        self.foundInOdoo = foundInOdoo
    }
}
