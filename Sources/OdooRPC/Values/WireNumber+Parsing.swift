extension WireNumber {
    /// Parses `[-+]digits[.digits][(e|E)[-+]digits]` from raw bytes.
    ///
    /// Digits past the 18th significant one are rounded half away from zero into the
    /// kept ones, so "1234.5700000000002" stays exact and longer inputs lose only noise.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> WireNumber? {
        var index = 0
        let count = bytes.count
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: Int64 = 0
        var kept = 0
        var exponent = 0
        var sawDigit = false
        var sawPoint = false
        var firstDropped: UInt8 = 0
        var droppedAny = false
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                if sawPoint { return nil }
                sawPoint = true
            } else if byte >= 0x30 && byte <= 0x39 {
                sawDigit = true
                let digit = byte &- 0x30
                if kept < maxDigits {
                    if mantissa != 0 || digit != 0 { kept += 1 }
                    mantissa = mantissa * 10 + Int64(digit)
                    if sawPoint { exponent -= 1 }
                } else {
                    if !droppedAny { firstDropped = digit; droppedAny = true }
                    if !sawPoint { exponent += 1 }
                }
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var expNegative = false
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                expNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var value = 0
            var sawExpDigit = false
            while index < count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                value = min(value * 10 + Int(bytes[index] &- 0x30), 1_000_000)
                sawExpDigit = true
                index += 1
            }
            guard sawExpDigit else { return nil }
            exponent += expNegative ? -value : value
        }
        guard index == count else { return nil }
        if droppedAny && firstDropped >= 5 { mantissa += 1 }
        return WireNumber(mantissa: negative ? -mantissa : mantissa, exponent: Int32(clamping: exponent))
    }
}
