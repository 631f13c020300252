import Foundation
import FuzzSupport
import Ledger
import Testing

/// Amounts, dates and periods arrive as text from Odoo, files and command lines; a bad one is an error
/// (or nil), and a good one reads back as written.
@Suite struct ParserFuzzTests {
    @Test func moneyDatesAndPeriodsNeverTrapAndRoundTrip() {
        let corpus = ["1234.56", "-0.01", "1,234.56", "2026-10-31", "2026-02-29", "2026-10", "0", "99999999999999999.99"].map { Array($0.utf8) }
        Fuzzer(corpus: corpus, dictionary: ["-", ".", ",", "e", "+", "0000", "9999999999", " ", "\u{00A0}", "٣"]).run { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            if let money = try? Money(parsing: text, currency: .usd) {
                #expect((try? Money(parsing: money.decimalText, currency: .usd)) == money, "\(text) → \(money.decimalText)")
            }
            if let date = LocalDate(iso: text) { #expect(LocalDate(iso: date.description) == date) }
            if let period = try? Period(parsing: text) { #expect((try? Period(parsing: period.description)) == period) }
            _ = TextWords.split(text, keepingDigits: true)
        }
    }
}
