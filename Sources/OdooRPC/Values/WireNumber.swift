/// An exact decimal number as it appeared on the wire (`value = mantissa × 10^exponent`).
///
/// Odoo sends monetary amounts as floats; keeping the lexical decimal avoids binary
/// rounding so amounts convert to minor units exactly. Values are normalised (no
/// trailing zeros in the mantissa), so equal numbers compare and hash equal.
public struct WireNumber: Sendable, Hashable {
    public var mantissa: Int64
    public var exponent: Int32

    /// Most significant digits kept; 18 always fit in an Int64.
    static let maxDigits = 18

    public init(mantissa: Int64, exponent: Int32) {
        var m = mantissa
        var e = exponent
        if m == 0 {
            e = 0
        } else {
            while m % 10 == 0 && e < Int32.max { m /= 10; e += 1 }
        }
        self.mantissa = m
        self.exponent = e
    }

    public init?(text: some StringProtocol) {
        var utf8 = Array(text.utf8)
        guard let parsed = utf8.withUnsafeMutableBytes({ WireNumber.parse(UnsafeRawBufferPointer($0)) }) else {
            return nil
        }
        self = parsed
    }

    public init(minorUnits: Int64, scale: Int) {
        self.init(mantissa: minorUnits, exponent: Int32(clamping: -scale))
    }

    /// The value in minor units of `scale` decimals, rounded half away from zero
    /// (Odoo's `float_round` HALF-UP). Saturates at the Int64 range.
    public func minorUnits(scale: Int) -> Int64 {
        let shift = Int(exponent) + scale
        if mantissa == 0 { return 0 }
        if shift >= 0 {
            var result = mantissa
            for _ in 0..<shift {
                let (next, overflow) = result.multipliedReportingOverflow(by: 10)
                if overflow { return mantissa < 0 ? .min : .max }
                result = next
            }
            return result
        }
        let drop = -shift
        let sign: Int64 = mantissa < 0 ? -1 : 1
        let magnitude = mantissa.magnitude
        if drop > 19 { return 0 }
        if drop == 19 { return magnitude >= 5_000_000_000_000_000_000 ? sign : 0 }
        var divisor: UInt64 = 1
        for _ in 0..<drop { divisor *= 10 }
        var quotient = magnitude / divisor
        if (magnitude % divisor) * 2 >= divisor { quotient += 1 }
        return sign * Int64(quotient)
    }

    /// For scores and statistics only; never for amounts.
    public var doubleValue: Double {
        Double(text) ?? .nan
    }
}
