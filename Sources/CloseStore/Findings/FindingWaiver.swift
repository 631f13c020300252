public import Ledger

/// How a person set a finding aside: acknowledged (someone is on it; it still blocks) or waived (it stops
/// blocking the lock and the checklist until its expiry).
public enum FindingWaiverKind: String, Sendable, Codable, CaseIterable {
    case acknowledged, waived
}

/// A finding set aside by a person, with the reason and the last day it holds.
public struct FindingWaiver: Sendable, Codable, Hashable {
    public var fingerprint: String
    public var kind: FindingWaiverKind
    public var reason: String
    /// The last day it holds; an acknowledgement without one holds while the finding stays the same.
    public var until: LocalDate?
    public var decidedBy: String
    public var decidedAt: String
    /// The finding differs from what was set aside (another amount, another message): it no longer holds.
    public var findingChanged: Bool

    public init(fingerprint: String, kind: FindingWaiverKind, reason: String, until: LocalDate?, decidedBy: String, decidedAt: String,
                findingChanged: Bool) {
        self.fingerprint = fingerprint
        self.kind = kind
        self.reason = reason
        self.until = until
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.findingChanged = findingChanged
    }

    public func holds(on date: LocalDate) -> Bool {
        !findingChanged && until.map { date <= $0 } ?? true
    }

    /// "waived by carol until 2026-11-30: …", or why it no longer holds.
    public func summary(on date: LocalDate) -> String {
        let state = findingChanged ? " (no longer holds: the finding changed)" : holds(on: date) ? "" : " (expired)"
        return "\(kind.rawValue) by \(decidedBy)" + (until.map { " until \($0)" } ?? "") + state + ": \(reason)"
    }
}
