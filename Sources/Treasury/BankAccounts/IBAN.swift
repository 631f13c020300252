import Ledger

/// An International Bank Account Number, checked as ISO 13616 says: a known country's length, letters and
/// digits only, and the mod-97 check digits. Spaces and lower case are read as people type them; the
/// electronic form (no spaces, upper case) is what payment files carry.
public struct IBAN: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Upper case, no spaces: "DE89370400440532013000".
    public let electronic: String

    public init(_ text: String) throws(IBANError) {
        let compact = String(text.filter { !$0.isWhitespace }).uppercased()
        guard !compact.isEmpty else { throw .empty }
        guard compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { throw .badCharacters(text) }
        let country = String(compact.prefix(2))
        guard let length = IBANCountry.lengths[country] else { throw .unknownCountry(country, text) }
        guard compact.count == length else { throw .wrongLength(text, country: country, expected: length, found: compact.count) }
        guard IBANChecksum.remainder(compact) == 1 else { throw .wrongChecksum(text) }
        electronic = compact
    }

    public var countryCode: String { String(electronic.prefix(2)) }

    /// In groups of four, as printed on paper: "DE89 3704 0044 0532 0130 00".
    public var description: String {
        stride(from: 0, to: electronic.count, by: 4).map { offset -> String in
            let start = electronic.index(electronic.startIndex, offsetBy: offset)
            return String(electronic[start..<(electronic.index(start, offsetBy: 4, limitedBy: electronic.endIndex) ?? electronic.endIndex)])
        }.joined(separator: " ")
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(electronic)
    }
}

/// Why a text is not an IBAN, in words that say what to check.
public enum IBANError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case badCharacters(String)
    case unknownCountry(String, String)
    case wrongLength(String, country: String, expected: Int, found: Int)
    case wrongChecksum(String)

    public var description: String {
        switch self {
        case .empty:
            "The bank account has no number: enter the IBAN on the vendor's bank account in Odoo."
        case .badCharacters(let text):
            "'\(text)' is not an IBAN: an IBAN holds only letters and digits (spaces are allowed)."
        case .unknownCountry(let country, let text):
            "'\(text)' is not an IBAN: '\(country)' is not a country that uses IBANs (ISO 13616); a domestic account number cannot be paid by SEPA transfer."
        case .wrongLength(let text, let country, let expected, let found):
            "'\(text)' is not a valid IBAN: a \(country) IBAN has \(expected) characters, this one \(found). Check the number with the vendor."
        case .wrongChecksum(let text):
            "'\(text)' is not a valid IBAN: its check digits do not match (a digit mistyped or two swapped). Check the number with the vendor."
        }
    }
}
