/// Why two bills look like one, strongest first. Each has a score: how often, in practice, a pair
/// showing only this signal is a real duplicate; a pair showing several takes the highest.
public enum DuplicateSignal: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    /// Odoo's own rule: same company, vendor and move type, the exact same reference, the same invoice year.
    case exactReference = "exact-reference"
    /// The same file attached to both (same checksum).
    case sameAttachment = "same-attachment"
    /// The same reference once case, spaces, punctuation, leading zeros and O/0, I/l/1 are set aside.
    case reformattedReference = "reformatted-reference"
    /// The same reference and amount under another vendor: someone may be billing in a vendor's name.
    case otherVendorSameReference = "other-vendor-same-reference"
    /// Same vendor, amount within tolerance, dates a few days apart, and references that do not tell them apart.
    case sameAmountNearDate = "same-amount-near-date"

    public var score: Double {
        switch self {
        case .exactReference: 0.99
        case .sameAttachment: 0.97
        case .reformattedReference: 0.95
        case .otherVendorSameReference: 0.85
        case .sameAmountNearDate: 0.7
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.score > rhs.score }
}
