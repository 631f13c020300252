public import Ledger

/// A posted entry that differs from what the previous pull saw: Odoo lets an administrator rewrite
/// posted lines, and a close must notice.
public struct MoveChange: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable { case changed, deleted }

    public var kind: Kind
    public var moveID: Int
    public var moveName: String
    public var previousHash: String
    public var currentHash: String?
    public var writtenAt: Timestamp?
    public var writtenBy: String?

    public var message: String {
        switch kind {
        case .changed:
            "Posted entry \(moveName) (id \(moveID)) changed since the last pull"
                + (writtenBy.map { ", last written by \($0)" } ?? "") + (writtenAt.map { " at \($0) UTC" } ?? "")
                + ": review the change in Odoo's chatter and audit log before closing."
        case .deleted:
            "Posted entry \(moveName) (id \(moveID)) is gone from Odoo since the last pull: find out who removed it."
        }
    }
}

/// What one pull did to the store.
public struct PullOutcome: Sendable, Codable {
    public var runID: Int64
    public var incremental: Bool
    public var received: LedgerCounts
    public var stored: LedgerCounts
    public var changes: [MoveChange]
    public var cursor: Timestamp?
}
