/// Exact parsing of decimal text ("1234.5", "-0.07", "1e3") into minor units.
public enum MoneyParseError: Error, Equatable, CustomStringConvertible {
    case notANumber(String)
    case tooManyDecimals(String, scale: Int)
    case outOfRange(String)

    public var description: String {
        switch self {
        case .notANumber(let text): "'\(text)' is not a decimal amount (expected digits like 1234.50)"
        case .tooManyDecimals(let text, let scale): "'\(text)' has more than \(scale) decimal places"
        case .outOfRange(let text): "'\(text)' is too large for an amount"
        }
    }
}

extension Money {
    /// Parses decimal text exactly. Extra decimals beyond the scale are an error unless
    /// `rounding` is true, in which case they round half away from zero (Odoo's HALF-UP).
    public init(parsing text: some StringProtocol, currency: CurrencyCode, scale: Int = 2, rounding: Bool = false) throws {
        let source = String(text)
        let decimal = try DecimalText(source)
        guard let units = decimal.minorUnits(scale: scale, allowRounding: rounding) else {
            throw rounding ? MoneyParseError.outOfRange(source) : MoneyParseError.tooManyDecimals(source, scale: scale)
        }
        self.init(minorUnits: units, currency: currency, scale: scale)
    }
}

/// Decimal text split into sign, digits and a power-of-ten exponent, without any floating point.
struct DecimalText {
    var negative = false
    var digits: [UInt8] = []   // significant digits, most significant first
    var exponent = 0           // value = digits * 10^exponent

    init(_ text: String) throws {
        var bytes = Substring(text).utf8.drop { $0 == 0x20 }[...]
        while bytes.last == 0x20 { bytes = bytes.dropLast() }
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var seenDot = false, seenDigit = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                seenDigit = true
                digits.append(byte - 0x30)
                if seenDot { exponent -= 1 }
            } else if byte == UInt8(ascii: ".") && !seenDot {
                seenDot = true
            } else if (byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")) && seenDigit {
                guard let power = Int(String(decoding: bytes[bytes.index(after: index)...], as: UTF8.self)),
                      abs(power) < 400 else { throw MoneyParseError.notANumber(text) }
                exponent += power
                index = bytes.endIndex
                continue
            } else {
                throw MoneyParseError.notANumber(text)
            }
            index = bytes.index(after: index)
        }
        guard seenDigit else { throw MoneyParseError.notANumber(text) }
    }

    func minorUnits(scale: Int, allowRounding: Bool) -> Int64? {
        let shift = exponent + scale
        var kept = digits
        var roundUp = false
        if shift < 0 {
            let dropCount = min(-shift, kept.count)
            let dropped = kept.suffix(dropCount)
            kept.removeLast(dropCount)
            if dropped.contains(where: { $0 != 0 }) {
                guard allowRounding else { return nil }
                roundUp = dropCount == -shift && (dropped.first ?? 0) >= 5
            }
        }
        var value: Int64 = 0
        for digit in kept {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        if shift > 0 {
            for _ in 0..<shift {
                let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                value = times
            }
        }
        if roundUp { value += 1 }
        return negative ? -value : value
    }
}
