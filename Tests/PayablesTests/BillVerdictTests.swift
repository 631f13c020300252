import Foundation
import Ledger
import Payables
import Testing

/// What intake concludes from a bill's duplicates and order match, under the rule set's actions.
@Suite struct BillVerdictTests {
    static let original = BillFixture.bill(1, "INV-42", "100.00", on: "2026-10-02")
    static func hit(_ signals: [DuplicateSignal], original: VendorBill = original) -> DuplicateHit {
        DuplicateHit(bill: BillFixture.bill(2, "inv 42", "100.00", on: "2026-10-09"), original: original, signals: signals, reason: "looks alike")
    }
    static let exception = MatchException(kind: .billedOverReceived, billLineID: 5, message: "10 billed, 4 received.", fix: "Bill what was received.")

    @Test func aBillWithNothingFoundIsTouchlessAndBlocksNothing() {
        let verdict = BillVerdict(bill: Self.original, duplicates: [], match: BillMatch(bill: Self.original, exceptions: [], matchedLines: 1),
                                  rules: IntakeRules())
        #expect(verdict.isTouchless && !verdict.blocksPayment && verdict.reasons.isEmpty && verdict.problemKey.isEmpty)
    }

    @Test func theStrongestSignalsActionDecidesAndEachProblemIsAReason() {
        let rules = IntakeRules()
        #expect(BillVerdict(bill: Self.original, duplicates: [Self.hit([.sameAmountNearDate])], match: nil, rules: rules).action == .warn)
        #expect(BillVerdict(bill: Self.original, duplicates: [Self.hit([.otherVendorSameReference])], match: nil, rules: rules).action == .secondApprover)
        let both = BillVerdict(bill: Self.original, duplicates: [Self.hit([.sameAmountNearDate, .reformattedReference])],
                               match: BillMatch(bill: Self.original, exceptions: [Self.exception], matchedLines: 0), rules: rules)
        #expect(both.action == .hold && both.blocksPayment)
        #expect(both.reasons.count == 2)
        #expect(both.reasons[0].contains("score 0.95") && both.reasons[1] == "10 billed, 4 received. Bill what was received.")
    }

    @Test func theRulesDecideWhatEachSignalAndAMatchExceptionLeadTo() {
        let lenient = IntakeRules(duplicateActions: [.reformattedReference: .warn], matchExceptionAction: .secondApprover)
        #expect(BillVerdict(bill: Self.original, duplicates: [Self.hit([.reformattedReference])], match: nil, rules: lenient).action == .warn)
        // A signal the rules leave out only warns.
        #expect(BillVerdict(bill: Self.original, duplicates: [Self.hit([.exactReference])], match: nil, rules: lenient).action == .warn)
        let matched = BillVerdict(bill: Self.original, duplicates: [], match: BillMatch(bill: Self.original, exceptions: [Self.exception], matchedLines: 0),
                                  rules: lenient)
        #expect(matched.action == .secondApprover && matched.blocksPayment)
    }

    @Test func theProblemKeyNamesWhatWasFoundNotHowItIsWorded() {
        let first = BillVerdict(bill: Self.original, duplicates: [Self.hit([.reformattedReference, .sameAmountNearDate])], match: nil, rules: IntakeRules())
        var reworded = Self.hit([.sameAmountNearDate, .reformattedReference])
        reworded.reason = "worded otherwise"
        let again = BillVerdict(bill: Self.original, duplicates: [reworded], match: nil, rules: IntakeRules())
        #expect(first.problemKey == again.problemKey)
        let another = BillVerdict(bill: Self.original, duplicates: [Self.hit([.reformattedReference], original: BillFixture.bill(3, "INV-42", "100.00", on: "2026-10-03"))],
                                  match: nil, rules: IntakeRules())
        #expect(another.problemKey != first.problemKey, "another original is another problem")
    }

    @Test func ofAPairTheLaterEnteredBillIsTheCopy() {
        let early = BillFixture.bill(10, "A", "1.00", on: "2026-10-09"), late = BillFixture.bill(11, "A", "1.00", on: "2026-10-01")
        #expect(early.enteredBefore(late) && !late.enteredBefore(early), "within a database, Odoo's ids follow entry, whatever the invoice dates")
        let elsewhere = BillFixture.bill(5, "A", "1.00", on: "2026-09-30", source: BillFixture.otherDatabase)
        #expect(elsewhere.enteredBefore(early), "across databases the earlier invoice date is the original")
    }
}
