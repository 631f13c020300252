/// One `closer apply` run: who ran it, what Odoo looked like for its proposals before it started
/// (JSON written by the service), how it ended, and every account.move it created or found.
public struct AdjustmentBatch: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable {
        case running, succeeded, failed
        case rolledBack = "rolled-back"
    }

    public var id: Int64
    public var actor: String
    public var startedAt: String
    public var finishedAt: String?
    public var status: Status
    public var beforeState: String
    public var report: String?
    public var rollbackReport: String?
    public var writes: [AdjustmentWrite]
}

/// An entry a batch wrote for a proposal: the adjusting entry itself or its reversal. `created` is
/// false when the entry already existed in Odoo (found by its idempotency tag) and was left as it was.
public struct AdjustmentWrite: Sendable, Codable, Hashable {
    public var proposalID: Int64
    public var role: String
    public var odooMoveID: Int
    public var created: Bool

    public init(proposalID: Int64, role: String, odooMoveID: Int, created: Bool) {
        self.proposalID = proposalID
        self.role = role
        self.odooMoveID = odooMoveID
        self.created = created
    }
}
