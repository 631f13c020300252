/// A Business Identifier Code (ISO 9362): four letters for the bank, two for its country, two letters or digits
/// for the location, and an optional branch of three. Eight-character codes name the head office.
public struct BIC: Sendable, Hashable, Codable, CustomStringConvertible {
    public let code: String

    public init(_ text: String) throws(BICError) {
        let compact = String(text.filter { !$0.isWhitespace }).uppercased()
        let characters = Array(compact)
        guard characters.count == 8 || characters.count == 11,
              characters[0..<6].allSatisfy({ $0.isASCII && $0.isLetter }),
              characters[6...].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { throw BICError(text: text) }
        code = compact
    }

    public var countryCode: String { String(code.dropFirst(4).prefix(2)) }
    public var description: String { code }
}

public struct BICError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String

    public init(text: String) { self.text = text }

    public var description: String {
        "'\(text)' is not a BIC: a BIC has 8 or 11 characters, the bank's four letters, the country's two, then two letters or digits "
            + "for the place and optionally three for the branch (e.g. DEUTDEFF or DEUTDEFF500)."
    }
}
