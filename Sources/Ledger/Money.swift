/// An exact amount: integer minor units of one currency at that currency's scale
/// (decimal places, from Odoo's res.currency.decimal_places). Never a floating-point value.
public struct Money: Hashable, Sendable {
    public var minorUnits: Int64
    public var currency: CurrencyCode
    /// Kept in a byte: 16 bytes a value instead of 24, which for a ten-million-line ledger (four amounts a line)
    /// is over a gigabyte.
    private var storedScale: UInt8

    /// The decimal places a currency may have.
    public static let scales = 0...6

    public var scale: Int {
        get { Int(storedScale) }
        set { storedScale = Self.checked(newValue) }
    }

    public init(minorUnits: Int64, currency: CurrencyCode, scale: Int = 2) {
        self.minorUnits = minorUnits
        self.currency = currency
        self.storedScale = Self.checked(scale)
    }

    private static func checked(_ scale: Int) -> UInt8 {
        precondition(scales.contains(scale), "currency scale \(scale) out of range \(scales)")
        return UInt8(scale)
    }

    public static func zero(_ currency: CurrencyCode, scale: Int = 2) -> Money {
        Money(minorUnits: 0, currency: currency, scale: scale)
    }

    public var isZero: Bool { minorUnits == 0 }
    public var isNegative: Bool { minorUnits < 0 }
    public var magnitude: Money { Money(minorUnits: Swift.abs(minorUnits), currency: currency, scale: scale) }
    public var negated: Money { Money(minorUnits: -minorUnits, currency: currency, scale: scale) }

    /// Sums of different currencies are a programming error: callers that mix currencies use `MoneyTotals`.
    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency && lhs.scale == rhs.scale, "adding \(lhs.currency) to \(rhs.currency)")
        return Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency, scale: lhs.scale)
    }

    public static func - (lhs: Money, rhs: Money) -> Money { lhs + rhs.negated }
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }
    public static prefix func - (value: Money) -> Money { value.negated }

    /// The amount as plain decimal text, e.g. "-1234.50" (no grouping, no currency).
    public var decimalText: String {
        let digits = String(Swift.abs(minorUnits))
        let sign = minorUnits < 0 ? "-" : ""
        guard scale > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let cut = padded.index(padded.endIndex, offsetBy: -scale)
        return sign + padded[..<cut] + "." + padded[cut...]
    }
}

extension Money: Comparable {
    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing \(lhs.currency) with \(rhs.currency)")
        return lhs.minorUnits < rhs.minorUnits
    }
}

extension Money: CustomStringConvertible {
    /// "1,234.50 USD": grouped for people reading a report.
    public var description: String {
        let plain = decimalText
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? String(plain.dropFirst()) : plain
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        var grouped = ""
        for (offset, character) in parts[0].reversed().enumerated() {
            if offset > 0 && offset % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        let integer = String(grouped.reversed())
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + integer + fraction + " " + currency.description
    }
}

/// The same encoding as before the scale moved into a byte: minorUnits, currency and scale.
extension Money: Codable {
    private enum CodingKeys: String, CodingKey { case minorUnits, currency, scale }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let scale = try container.decode(Int.self, forKey: .scale)
        guard Self.scales.contains(scale) else {
            throw DecodingError.dataCorruptedError(forKey: .scale, in: container, debugDescription: "currency scale \(scale) out of range \(Self.scales)")
        }
        self.init(minorUnits: try container.decode(Int64.self, forKey: .minorUnits), currency: try container.decode(CurrencyCode.self, forKey: .currency),
                  scale: scale)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(minorUnits, forKey: .minorUnits)
        try container.encode(currency, forKey: .currency)
        try container.encode(scale, forKey: .scale)
    }
}
