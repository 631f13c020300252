/// A byte scanner for JSON that keeps numbers exact: integers become `.int`, anything with
/// a fraction or exponent becomes a `WireNumber` from its text (never a Double).
struct JSONReader {
    let bytes: UnsafeRawBufferPointer
    var index = 0
    private var depth = 0
    private static let maxDepth = 256

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The single JSON value making up the whole document.
    mutating func document() throws(JSONSyntaxError) -> RPCValue {
        let value = try value()
        skipWhitespace()
        guard index == bytes.count else { throw failure("the end of the document") }
        return value
    }

    mutating func value() throws(JSONSyntaxError) -> RPCValue {
        skipWhitespace()
        guard index < bytes.count else { throw failure("a JSON value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .structure(try object())
        case UInt8(ascii: "["): return .array(try array())
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    private mutating func object() throws(JSONSyntaxError) -> RPCStruct {
        try enterNested()
        defer { depth -= 1 }
        index += 1
        var members: [RPCStruct.Member] = []
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return RPCStruct(members: members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("a member name in quotes") }
            let key = try string()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw failure("':' after a member name") }
            members.append(RPCStruct.Member(key: key, value: try value()))
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            guard consume(UInt8(ascii: "}")) else { throw failure("',' or '}' in an object") }
            return RPCStruct(members: members)
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> [RPCValue] {
        try enterNested()
        defer { depth -= 1 }
        index += 1
        var items: [RPCValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return items }
        while true {
            items.append(try value())
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            guard consume(UInt8(ascii: "]")) else { throw failure("',' or ']' in an array") }
            return items
        }
    }

    private mutating func number() throws(JSONSyntaxError) -> RPCValue {
        let start = index
        var integral = true
        while index < bytes.count, Self.isNumberByte(bytes[index]) {
            if bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e") { integral = false }
            index += 1
        }
        guard index > start else { throw failure("a JSON value") }
        let text = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        if integral, let integer = Self.integer(text) { return .int(integer) }
        guard let number = WireNumber.parse(text) else { throw failure("a number", at: start) }
        return .double(number)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e")
    }

    /// Nil when not a plain integer or beyond 64 bits (then it stays a decimal). Accumulated as a
    /// negative number so that Int64.min, whose magnitude has no positive Int64, is exact too.
    private static func integer(_ text: UnsafeRawBufferPointer) -> Int64? {
        var position = 0
        let negative = text.first == UInt8(ascii: "-")
        if negative { position = 1 }
        guard position < text.count, text.count - position <= 19 else { return nil }
        var value: Int64 = 0
        while position < text.count {
            let digit = text[position] &- 0x30
            guard digit < 10 else { return nil }
            let (shifted, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (next, underflowed) = shifted.subtractingReportingOverflow(Int64(digit))
            guard !overflowed, !underflowed else { return nil }
            value = next
            position += 1
        }
        if negative { return value }
        let (positive, overflowed) = Int64(0).subtractingReportingOverflow(value)
        return overflowed ? nil : positive
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
              UnsafeRawBufferPointer(rebasing: bytes[index..<(index + count)]).elementsEqual(
                  UnsafeRawBufferPointer(start: word.utf8Start, count: count))
        else { throw failure("\(word)") }
        index += count
    }

    private mutating func enterNested() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw failure("at most \(Self.maxDepth) nested arrays or objects") }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    func failure(_ expected: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(expected: expected, offset: offset ?? index)
    }
}

/// What the JSON scanner expected and where; becomes `OdooError.malformedResponse`.
struct JSONSyntaxError: Error {
    var expected: String
    var offset: Int
}
