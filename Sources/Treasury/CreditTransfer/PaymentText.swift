import Foundation

/// Text as banks accept it in a payment file: the SEPA character set (Latin letters, digits, space and
/// / - ? : ( ) . , ' +), accents dropped rather than the letter, anything else a space, cut to the field's length.
enum PaymentText {
    static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,'+ ")
    static let spelled: [Character: String] = ["ß": "ss", "Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o", "Œ": "OE", "œ": "oe", "Þ": "Th", "þ": "th",
                                               "Ð": "D", "ð": "d", "Ł": "L", "ł": "l", "&": "+"]

    static func clean(_ text: String, maxLength: Int) -> String {
        let spelledOut = text.map { spelled[$0] ?? String($0) }.joined()
        let folded = spelledOut.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        let kept = String(folded.map { allowed.contains($0) ? $0 : " " })
        let single = kept.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return String(single.prefix(maxLength)).trimmingCharacters(in: .whitespaces)
    }
}
