/// Where a credit hold stands: proposed by a run, approved by a person, applied in Odoo, and released once
/// the customer is back within policy — or rejected by a person. Only proposed, approved and applied holds
/// are open; a customer has at most one open hold.
public enum CreditHoldStatus: String, Sendable, Codable, CaseIterable {
    case proposed, approved, applied, released, rejected

    public static let open: Set<CreditHoldStatus> = [.proposed, .approved, .applied]

    public var isOpen: Bool { Self.open.contains(self) }

    /// The statuses a queue filter names: one status, `open` (proposed, approved, applied) or `all`; nil for anything else.
    public static func named(_ name: String) -> Set<CreditHoldStatus>? {
        switch name {
        case "open": open
        case "all": Set(allCases)
        default: CreditHoldStatus(rawValue: name).map { [$0] }
        }
    }

    public static let filterNames = "open, proposed, approved, applied, released, rejected or all"
}
