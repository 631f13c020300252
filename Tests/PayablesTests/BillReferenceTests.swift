import Payables
import Testing

@Suite struct BillReferenceTests {
    @Test(arguments: [("INV-0012", "inv 12"), ("INV-0012", "1NV/O012"), ("2026/001", "2026-1"), ("AB.12-3", "ab 12 3"), ("l0-OO7", "10-7")])
    func retypedReferencesNormaliseAlike(_ typed: String, _ retyped: String) {
        #expect(BillReference.normalised(typed) == BillReference.normalised(retyped))
    }

    @Test(arguments: [("INV-12", "INV-13"), ("INV-12", "INV-120"), ("2025-001", "2026-001"), ("A-100", "A-10")])
    func differentNumbersStayApart(_ one: String, _ other: String) {
        #expect(BillReference.normalised(one) != BillReference.normalised(other))
    }

    @Test func zerosOnlyStayAZero() {
        #expect(BillReference.normalised("INV-000") == "1NV0")
    }

    @Test func shortOrWordOnlyReferencesAreNotDistinctive() {
        #expect(!BillReference.isDistinctive("12"))
        #expect(!BillReference.isDistinctive("Invoice"))
        #expect(!BillReference.isDistinctive("OIL"), "letters that fold into digits are still letters")
        #expect(BillReference.isDistinctive("INV-2031"))
    }
}
