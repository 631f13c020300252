public import Ledger

/// Which partners stand for another member in a member's books, and how that was decided.
public struct IntercompanyPartnerLink: Sendable, Codable, Hashable {
    public enum Basis: String, Sendable, Codable, Hashable {
        /// Set in the group's settings.
        case explicit
        /// The partner carries the other company's name (Odoo's res.company → res.partner).
        case name
        /// No partner found: nothing in these books can be compared.
        case unmapped
    }

    /// The member whose books hold the partners.
    public var holderKey: SourceKey
    /// The member the partners stand for.
    public var otherKey: SourceKey
    public var partners: [RecordRef]
    public var basis: Basis

    public init(holderKey: SourceKey, otherKey: SourceKey, partners: [RecordRef], basis: Basis) {
        self.holderKey = holderKey
        self.otherKey = otherKey
        self.partners = partners
        self.basis = basis
    }

    public var partnerIDs: Set<Int> { Set(partners.map(\.id)) }

    /// The explicit mapping when there is one, else every partner whose name equals the other
    /// company's (ignoring case and spacing: "NORTHWIND  Robotics inc." still matches).
    static func resolve(holder: IntercompanyMember, other: IntercompanyMember) -> IntercompanyPartnerLink {
        let partnersByID = Dictionary(holder.snapshot.partners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if let explicit = holder.partnersForMembers[other.key] {
            let refs = explicit.sorted().map { RecordRef(model: "res.partner", id: $0, name: partnersByID[$0]?.name ?? "partner \($0)") }
            return IntercompanyPartnerLink(holderKey: holder.key, otherKey: other.key, partners: refs, basis: .explicit)
        }
        let wanted = normalized(other.name)
        let named = holder.snapshot.partners.filter { normalized($0.name) == wanted }.sorted { $0.id < $1.id }
        return IntercompanyPartnerLink(holderKey: holder.key, otherKey: other.key,
                                       partners: named.map { RecordRef(model: "res.partner", id: $0.id, name: $0.name) },
                                       basis: named.isEmpty ? .unmapped : .name)
    }

    static func normalized(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
