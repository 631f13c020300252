public import Foundation
public import Ledger
public import Payables

/// A vendor bill on its approval route: the facts and levels the router gave it, who asked, and the
/// decisions so far (one per level, in order). A rejection ends it; the last level's approval completes it.
public struct BillApproval: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, Hashable, CaseIterable {
        case pending, approved, rejected
    }

    /// One level decided: by whom (and for whom, under a delegation), under which role, why.
    public struct Decision: Sendable, Codable, Hashable {
        public var level: Int
        public var approver: String
        /// The approver whose delegation `approver` held; nil when they decided in their own name.
        public var onBehalfOf: String?
        public var role: String
        public var approved: Bool
        public var comment: String?
        public var decidedAt: String
    }

    /// The level waiting for a decision, for queues: its number, roles and reasons, and the bill's age on the route.
    public struct Waiting: Sendable, Codable, Hashable {
        public var level: Int
        public var of: Int
        public var roles: [String]
        public var reason: String
        public var ageDays: Int
    }

    public var id: Int64
    public var facts: BillApprovalFacts
    public var route: ApprovalRoute
    public var requestedBy: String
    public var status: Status
    public var enteredAt: String
    public var closedAt: String?
    public var decisions: [Decision]

    public var sourceKey: SourceKey { facts.source }
    public var billID: Int { facts.billID }

    /// The next level to decide, or nil once approved or rejected.
    public var pendingLevel: ApprovalLevel? {
        status == .pending && decisions.count < route.levels.count ? route.levels[decisions.count] : nil
    }

    /// Days since the bill entered the route (its current version).
    public func ageDays(asOf now: Date = Date()) -> Int { BillReview.days(since: enteredAt, asOf: now) ?? 0 }

    public func waiting(asOf now: Date = Date()) -> Waiting? {
        pendingLevel.map { Waiting(level: decisions.count + 1, of: route.levels.count, roles: $0.roles, reason: $0.reason, ageDays: ageDays(asOf: now)) }
    }
}
