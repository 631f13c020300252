public import Foundation
public import Ledger

/// One open problem of the daily finance work that a person must decide: a bill held, a credit hold proposed, a
/// bank-detail change unverified, an expense over policy. It has an owner, an age and an SLA; it never pages anyone.
public struct BusinessException: Sendable, Codable, Hashable {
    public var family: ExceptionFamily
    /// Stable within its family: "bill-held", "bank-change-unverified", "category-limit".
    public var kind: String
    public var sourceKey: String
    /// What it is about, for a person: "bill BILL/2026/0012 of Acme".
    public var subject: String
    /// What is wrong and what to do.
    public var reason: String
    public var record: RecordRef?
    /// A role or a login; a record's own decider (the approver a bill's route waits for, an expense report's
    /// manager) when it has one, else the policy's.
    public var owner: String
    public var openedAt: Date
    public var slaDays: Int

    public init(family: ExceptionFamily, kind: String, sourceKey: String, subject: String, reason: String, record: RecordRef?,
                owner: String, openedAt: Date, slaDays: Int) {
        self.family = family
        self.kind = kind
        self.sourceKey = sourceKey
        self.subject = subject
        self.reason = reason
        self.record = record
        self.owner = owner
        self.openedAt = openedAt
        self.slaDays = slaDays
    }

    /// Whole days open (0 on the day it opened).
    public func ageDays(asOf now: Date) -> Int { max(0, Int(now.timeIntervalSince(openedAt) / 86_400)) }

    public func isOverdue(asOf now: Date) -> Bool { ageDays(asOf: now) > slaDays }
}
