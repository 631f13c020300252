import Foundation

/// Names the ledger that stored records came from — one company of one Odoo database, or a demo
/// company — built and read back only here. Its text is what the store keeps and the API shows.
public struct SourceKey: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let text: String

    public init(_ text: String) { self.text = text }
    public init(stringLiteral text: String) { self.text = text }

    /// One company of an Odoo database, independent of who logs in.
    public static func odoo(url: String, database: String, companyID: Int) -> SourceKey {
        SourceKey("odoo:\(url)#\(database)/company=\(companyID)")
    }

    /// A demo company, by its generator's name and seed (and its company id in a demo group).
    public static func demo(_ name: String, seed: UInt64, companyID: Int? = nil) -> SourceKey {
        SourceKey("demo:\(name)/seed=\(seed)" + (companyID.map { "/company=\($0)" } ?? ""))
    }

    /// The company the ledger belongs to, where the key names one.
    public var companyID: Int? {
        guard let range = text.range(of: Self.companySeparator, options: .backwards) else { return nil }
        return Int(text[range.upperBound...])
    }

    /// The key without its company: the companies of one database share it (and their partners).
    public var database: String {
        guard let range = text.range(of: Self.companySeparator, options: .backwards) else { return text }
        return String(text[..<range.lowerBound])
    }

    private static let companySeparator = "/company="

    /// The Odoo server address and database of an Odoo ledger; nil for any other source.
    public var odooDatabase: (url: String, database: String)? {
        guard text.hasPrefix("odoo:"), let hash = text.lastIndex(of: "#"),
              let slash = text[hash...].range(of: "/company=") else { return nil }
        return (String(text[text.index(text.startIndex, offsetBy: 5)..<hash]), String(text[text.index(after: hash)..<slash.lowerBound]))
    }

    public var description: String { text }
    public static func < (lhs: SourceKey, rhs: SourceKey) -> Bool { lhs.text < rhs.text }

    public init(from decoder: any Decoder) throws { text = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
