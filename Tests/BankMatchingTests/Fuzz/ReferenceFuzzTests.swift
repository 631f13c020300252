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
            for key in keys.full { #expect(text.filter(\.isASCII).contains(where: \.isNumber) && !key.description.isEmpty) }
            _ = DigitKey(text)
        }
    }
}
