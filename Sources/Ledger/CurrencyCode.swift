/// An ISO 4217 code packed into four bytes, so that money values stay trivially copyable
/// (no reference counting) even across millions of journal lines.
public struct CurrencyCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let packed: UInt32

    /// Accepts 3 ASCII letters (Odoo's res.currency.name); returns nil for anything else.
    public init?(_ code: some StringProtocol) {
        let bytes = Array(code.utf8)
        guard bytes.count == 3, bytes.allSatisfy({ (65...90).contains($0) || (97...122).contains($0) }) else {
            return nil
        }
        let upper = bytes.map { $0 & 0xDF }
        packed = UInt32(upper[0]) << 16 | UInt32(upper[1]) << 8 | UInt32(upper[2])
    }

    public var description: String {
        String(decoding: [UInt8(packed >> 16 & 0xFF), UInt8(packed >> 8 & 0xFF), UInt8(packed & 0xFF)], as: UTF8.self)
    }

    public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.packed < rhs.packed }

    public static let usd = CurrencyCode("USD")!
    public static let eur = CurrencyCode("EUR")!
}

extension CurrencyCode: TextCodable {
    public init?(codingText: String) { self.init(codingText) }
}
