@testable import BankMatching
import FuzzSupport
import Testing

/// Bank statement texts are whatever the payer typed and the bank mangled; reading document numbers
/// out of them must never trap, and every key read is one the text really contains.
@Suite struct ReferenceFuzzTests {
    @Test func statementTextsNeverTrap() {
        let corpus = ["Payment INV 2026 00042 / 43", "INV/2026/00001", "SEPA CT REF 0000123456789012345678901234", "RBILL/2026/11/0001 fees"]
            .map { Array($0.utf8) }
        Fuzzer(corpus: corpus, dictionary: ["/", " ", "0", "9", "INV", "-", "\u{FF10}", "12345678901234567890123"]).run { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let keys = TextKeys(text)
            // Keys are read from the text's ASCII digit bytes (a digit may carry a combining mark as one Character).
            let hasDigits = text.utf8.contains { (48...57).contains($0) }
            for key in keys.full { #expect(hasDigits && !key.description.isEmpty, "\(key) from '\(text)'") }
            _ = DigitKey(text)
        }
    }
}
