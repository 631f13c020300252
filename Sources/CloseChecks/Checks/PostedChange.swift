public import Ledger

/// A posted entry whose content differed from what an earlier pull had seen (or that vanished):
/// Odoo lets an administrator rewrite posted lines, and the close must notice.
public struct PostedChange: Sendable, Hashable {
    public var moveID: Int
    public var moveName: String
    public var deleted: Bool
    public var writtenBy: String?
    public var writtenAt: Timestamp?

    public init(moveID: Int, moveName: String, deleted: Bool, writtenBy: String?, writtenAt: Timestamp?) {
        self.moveID = moveID
        self.moveName = moveName
        self.deleted = deleted
        self.writtenBy = writtenBy
        self.writtenAt = writtenAt
    }
}

extension Check {
    /// One finding per entry dated in the period (or gone) that changed after it was posted and pulled.
    static let postedEntryChanged = Check(id: "posted-entry-changed", title: "Posted entries changed after they were pulled",
        explanation: "Posted entries whose amounts, accounts, partners or dates changed, or that were deleted, after "
            + "Closer first pulled them (from the store's pull history).",
                                          severity: .warning) { context in
        var seen = Set<Int>()
        return context.postedChanges.compactMap { change in
            guard seen.insert(change.moveID).inserted else { return nil }
            let move = context.move(id: change.moveID)
            if let move, !context.period.contains(move.date) { return nil }
            let who = change.writtenBy.map { " by \($0)" } ?? ""
            let when = change.writtenAt.map { " at \($0) UTC" } ?? ""
            let message = change.deleted
                ? "Posted entry \(change.moveName) was deleted from Odoo after it was pulled: find out who removed it and why."
                : "Posted entry \(change.moveName) was changed\(who)\(when) after it was posted and pulled: review the change in Odoo's chatter before closing."
            return Finding(checkID: "posted-entry-changed", severity: .warning, period: context.period, company: context.companyRecord,
                           records: [FindingRecord(model: "account.move", id: change.moveID, name: change.moveName)],
                           message: message, evidence: ["change": change.deleted ? "deleted" : "changed", "writtenBy": change.writtenBy ?? "",
                                                        "writtenAt": change.writtenAt?.description ?? ""])
        }
    }
}
