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

    @Test(arguments: [("2026-0012", "20260012"), ("INV 2026/007", "inv2026007"), ("ＩＮＶ－００１２", "INV-12"), ("①②-0３", "12-3")])
    func retypingsShareAKey(_ typed: String, _ retyped: String) {
        #expect(!BillReference.keys(typed).isDisjoint(with: BillReference.keys(retyped)))
    }

    @Test func aBillWhoseNumbersLostTheirSeparatorIsFound() {
        let original = BillFixture.bill(1, "2026-0012", "310.00", on: "2026-10-02")
        let hits = DuplicateBillIndex([original]).duplicates(of: BillFixture.bill(2, "20260012", "310.00", on: "2026-10-20"))
        #expect(hits.map(\.signals.first) == [.reformattedReference])
        #expect(DuplicateBillIndex([original]).duplicates(of: BillFixture.bill(3, "2026-012", "310.00", on: "2026-10-20")).count == 1)
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
