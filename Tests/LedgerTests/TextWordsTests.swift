import Ledger
import Testing

@Suite struct TextWordsTests {
    @Test func labelsLoseDatesAndNumbersNamesKeepThem() {
        #expect(TextWords.split("Electricity & water 2026-09", keepingDigits: false) == ["ELECTRICITY", "WATER"])
        #expect(TextWords.split("INV/2026/00042 paid", keepingDigits: false) == ["INV", "PAID"])
        #expect(TextWords.split("7-Eleven Store 12", keepingDigits: true) == ["7", "ELEVEN", "STORE", "12"])
        #expect(TextWords.split("Café", keepingDigits: true) == ["CAF"])
    }
}
