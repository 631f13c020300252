public import CloseChecks
public import Ledger

/// A stored finding of a period's latest check, with the waiver or acknowledgement it carries, if any.
public struct ListedFinding: Sendable, Codable, Hashable {
    public var finding: Finding
    public var fingerprint: String
    public var waiver: FindingWaiver?

    public init(finding: Finding, waiver: FindingWaiver?) {
        self.finding = finding
        fingerprint = finding.fingerprint
        self.waiver = waiver
    }

    /// Waived and the waiver holds: listed, but blocking neither the lock nor the checklist.
    public func isWaived(on date: LocalDate) -> Bool {
        waiver?.kind == .waived && waiver?.holds(on: date) == true
    }

    /// Someone set it aside (acknowledged or waived) and that still holds: it is off the to-do lists.
    public func isSetAside(on date: LocalDate) -> Bool {
        waiver?.holds(on: date) == true
    }
}
