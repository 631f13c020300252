public import CloseChecks
import CloseStore
public import Ledger

/// What `closer check --post-findings` did with each finding at or above the chosen severity.
public struct FindingPostReport: Sendable, Codable {
    /// Noted on the chatter, with a to-do, by this run.
    public var posted: [FindingPostOutcome] = []
    /// Noted before: recorded in the store, or found in Odoo by its marker (`foundInOdoo`) and now recorded.
    public var alreadyPosted: [FindingPostOutcome] = []
    /// Odoo or the store refused; `reason` carries the error, and a rerun tries again.
    public var failed: [FindingPostOutcome] = []
    /// Nothing to post on: no record, or a model without a chatter.
    public var skipped: [FindingPostOutcome] = []

    public init() {}
}

/// One finding's post: where it went and what Odoo answered.
public struct FindingPostOutcome: Sendable, Codable {
    public var checkID: String
    public var severity: Severity
    public var fingerprint: String
    public var record: RecordRef?
    /// The record whose chatter holds the note (a line's journal entry).
    public var threadModel: String?
    public var threadID: Int?
    public var messageID: Int?
    public var activityID: Int?
    public var foundInOdoo: Bool = false
    /// Why it failed (Odoo's error text) or was skipped.
    public var reason: String?
}

extension FindingPostOutcome {
    mutating func fill(from post: FindingPost) {
        (threadModel, threadID, messageID, activityID, foundInOdoo) = (post.threadModel, post.threadID, post.messageID, post.activityID, post.foundInOdoo)
    }
}
