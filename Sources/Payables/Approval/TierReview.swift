/// One review of OCA's tier validation (`tier.review`, module account_move_tier_validation) on a bill:
/// where a company has it installed, Odoo routes the bill and Closer reads the reviews instead of routing it again.
public struct TierReview: Sendable, Codable, Hashable {
    public var billID: Int
    /// The tier (`sequence`), lowest first.
    public var tier: Int
    /// The tier definition's name, e.g. "Bills above 10,000".
    public var name: String?
    /// waiting, pending, approved, rejected or cancel, as OCA spells them.
    public var status: String
    /// Who is asked: the reviewer, their group, or OCA's own "to do by" text.
    public var reviewer: String?
    /// The user who approved or rejected it.
    public var doneBy: String?
    /// When it was decided (Odoo's UTC "YYYY-MM-DD HH:MM:SS").
    public var reviewedAt: String?
    public var comment: String?

    public init(billID: Int, tier: Int, name: String?, status: String, reviewer: String?, doneBy: String?, reviewedAt: String?, comment: String?) {
        self.billID = billID
        self.tier = tier
        self.name = name
        self.status = status
        self.reviewer = reviewer
        self.doneBy = doneBy
        self.reviewedAt = reviewedAt
        self.comment = comment
    }

    /// Still waiting for someone (waiting or pending).
    public var isOpen: Bool { status == "waiting" || status == "pending" }
}
