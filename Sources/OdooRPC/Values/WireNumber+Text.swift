extension WireNumber: CustomStringConvertible {
    /// Python `repr(float)` layout, which both xmlrpc.client and json.dumps emit:
    /// fixed notation for decimal exponents in [-4, 16), scientific otherwise.
    public var text: String {
        let digits = String(mantissa.magnitude)
        let sign = mantissa < 0 ? "-" : ""
        let count = digits.count
        let pointPosition = count + Int(exponent)
        if pointPosition > -4 && pointPosition <= 16 {
            if pointPosition <= 0 {
                return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
            }
            if pointPosition >= count {
                return sign + digits + String(repeating: "0", count: pointPosition - count) + ".0"
            }
            let split = digits.index(digits.startIndex, offsetBy: pointPosition)
            return sign + digits[..<split] + "." + digits[split...]
        }
        let scientific = pointPosition - 1
        let fraction = count > 1 ? "." + digits.dropFirst() : ""
        let exponentDigits = String(abs(scientific))
        let paddedExponent = exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
        return sign + String(digits.prefix(1)) + fraction + "e" + (scientific < 0 ? "-" : "+") + paddedExponent
    }

    public var description: String { text }
}
