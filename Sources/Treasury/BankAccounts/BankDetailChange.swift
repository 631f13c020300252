public import Ledger

/// Something that happened to a vendor's bank account: its creation, a tracked change of its number, holder or
/// trust (Odoo's `mail.tracking.value`, or two pulls compared), or a write whose fields Closer cannot see.
public struct BankDetailChange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case created, numberChanged = "number-changed", holderChanged = "holder-changed", detailsChanged = "details-changed", trusted, untrusted
    }

    public var accountID: Int
    /// The partner the account belongs to after the change.
    public var partnerID: Int
    public var kind: Kind
    public var at: Timestamp
    /// The Odoo login of who made it.
    public var by: String
    /// What changed, when known ("NL91ABNA0417164300 → DE89370400440532013000").
    public var detail: String?

    public init(accountID: Int, partnerID: Int, kind: Kind, at: Timestamp, by: String, detail: String? = nil) {
        self.accountID = accountID
        self.partnerID = partnerID
        self.kind = kind
        self.at = at
        self.by = by
        self.detail = detail
    }

    /// Whether the change may alter where money goes (trusting an account does not, but needs its own second person).
    public var altersDestination: Bool { kind != .trusted && kind != .untrusted }
}

extension BankDetailChange.Kind {
    /// The change as a past participle: "bank account X was \(words)".
    public var words: String {
        switch self {
        case .created: "added"
        case .numberChanged: "changed"
        case .holderChanged: "given a new holder"
        case .detailsChanged: "edited (which details, Odoo's tracking does not show to this user)"
        case .trusted: "trusted"
        case .untrusted: "untrusted"
        }
    }
}

extension Collection where Element == BankDetailChange {
    /// The latest change of one account that may alter where money goes, and everyone who made such a change since:
    /// the people who may not verify it, trust it or approve paying it.
    public var latestDestinationChange: (change: BankDetailChange, changedBy: Set<String>)? {
        guard let latest = filter(\.altersDestination).max(by: { $0.at < $1.at }) else { return nil }
        return (latest, Set(filter { $0.at >= latest.at && $0.altersDestination }.map(\.by)))
    }

    /// The latest change that may alter where money goes, when no verification since it was made by someone other than
    /// its changers: payments to the account wait. nil when there is none or it was verified by a second person.
    public func unverifiedChange(_ verifications: [BankVerification]) -> (change: BankDetailChange, changedBy: Set<String>)? {
        guard let (latest, changers) = latestDestinationChange else { return nil }
        return verifications.contains { $0.at >= latest.at && !changers.contains($0.by) } ? nil : (latest, changers)
    }
}
