public import Ledger

/// An approver's stand-in while they are away: from `startsOn` to `endsOn` (both included), `to` may
/// decide what `from` may, in `from`'s name and never where `from` or `to` is barred from deciding.
public struct ApprovalDelegation: Sendable, Codable, Hashable {
    public var id: Int64
    public var from: String
    public var to: String
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    public var reason: String
    public var createdBy: String
    public var createdAt: String

    public init(id: Int64, from: String, to: String, startsOn: LocalDate, endsOn: LocalDate, reason: String, createdBy: String, createdAt: String) {
        self.id = id
        self.from = from
        self.to = to
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.reason = reason
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    public func inForce(on day: LocalDate) -> Bool { startsOn <= day && day <= endsOn }
}
