import Foundation

/// What the XML scanner expected and where; becomes `OdooError.malformedResponse`.
struct XMLSyntaxError: Error {
    var expected: String
    var offset: Int
}

extension XMLRPCDecoder {
    struct Tag {
        enum Kind { case string, int, boolean, double, dateTime, base64, structure, array, null }
        var kind: Kind
        var name: Range<Int>
        var selfClosing: Bool
    }

    private static let kinds: [(name: StaticString, kind: Tag.Kind)] = [
        ("string", .string), ("int", .int), ("i4", .int), ("i8", .int), ("double", .double),
        ("boolean", .boolean), ("struct", .structure), ("array", .array), ("nil", .null),
        ("dateTime.iso8601", .dateTime), ("base64", .base64), ("i1", .int), ("i2", .int),
        ("biginteger", .int), ("float", .double),
    ]

    /// Reads `<name>` or `<name/>` of a value type.
    mutating func openTag() throws(XMLSyntaxError) -> Tag {
        let start = index
        index += 1
        let nameStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") { index += 1 }
        let name = nameStart..<index
        var selfClosing = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") { selfClosing = true; index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw failure("a complete element tag", at: start) }
        index += 1
        for candidate in Self.kinds where matches(candidate.name, at: name.lowerBound, length: name.count) {
            return Tag(kind: candidate.kind, name: name, selfClosing: selfClosing)
        }
        throw failure("a type element such as <string> or <int>", at: start)
    }

    mutating func expectClose(_ tag: Tag) throws(XMLSyntaxError) {
        let length = tag.name.count
        guard index + length + 3 <= bytes.count, bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/"),
              bytes[index + 2 + length] == UInt8(ascii: ">"),
              memcmp(bytes.baseAddress! + index + 2, bytes.baseAddress! + tag.name.lowerBound, length) == 0
        else {
            throw failure("</\(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[tag.name]), as: UTF8.self))>", at: truncatedOffset(length + 3))
        }
        index += length + 3
    }

    func peek(_ literal: StaticString) -> Bool {
        matches(literal, at: index, length: nil)
    }

    mutating func expect(_ literal: StaticString) throws(XMLSyntaxError) {
        guard matches(literal, at: index, length: nil) else { throw failure("\(literal)", at: truncatedOffset(literal.utf8CodeUnitCount)) }
        index += literal.utf8CodeUnitCount
    }

    /// Whether `literal` is at `position` (and, given `length`, is exactly that long).
    private func matches(_ literal: StaticString, at position: Int, length: Int?) -> Bool {
        let count = literal.utf8CodeUnitCount
        if let length, length != count { return false }
        guard position + count <= bytes.count else { return false }
        return memcmp(bytes.baseAddress! + position, literal.utf8Start, count) == 0
    }

    mutating func skipWhitespace() {
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
    }

    /// Skips an XML declaration, comments and whitespace before the root element.
    mutating func skipProlog() throws(XMLSyntaxError) {
        while true {
            skipWhitespace()
            if peek("<?") {
                try skip(past: "?>")
            } else if peek("<!--") {
                try skip(past: "-->")
            } else {
                return
            }
        }
    }

    private mutating func skip(past terminator: StaticString) throws(XMLSyntaxError) {
        while index < bytes.count {
            if peek(terminator) { index += terminator.utf8CodeUnitCount; return }
            index += 1
        }
        throw failure("\(terminator)")
    }

    mutating func expectEnd() throws(XMLSyntaxError) {
        skipWhitespace()
        guard index == bytes.count else { throw failure("the end of the document") }
    }

    /// Advances to the next `<`; returns whether an `&` was passed (entities to decode).
    mutating func scanToTagStart() -> Bool {
        var hasEntity = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") { return hasEntity }
            if byte == UInt8(ascii: "&") { hasEntity = true }
            index += 1
        }
        return hasEntity
    }

    func trimmed(_ start: Int, _ end: Int) -> Range<Int> {
        var lower = start
        var upper = end
        while lower < upper, Self.isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, Self.isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    func isWhitespace(from start: Int, to end: Int) -> Bool {
        trimmed(start, end).isEmpty
    }

    func decodeText(from start: Int, to end: Int, hasEntity: Bool) throws(XMLSyntaxError) -> String {
        if index >= bytes.count { throw failure("a closing tag", at: start) }
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        guard hasEntity else { return String(decoding: raw, as: UTF8.self) }
        guard let decoded = XMLEntities.decode(raw) else { throw failure("a valid entity reference (&amp; &lt; &#NN; …)", at: start) }
        return decoded
    }

    /// The end of the body when it stops inside the expected construct, else nil (here).
    private func truncatedOffset(_ needed: Int) -> Int? {
        index + needed > bytes.count ? bytes.count : nil
    }

    func failure(_ expected: String, at offset: Int? = nil) -> XMLSyntaxError {
        XMLSyntaxError(expected: expected, offset: offset ?? index)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
