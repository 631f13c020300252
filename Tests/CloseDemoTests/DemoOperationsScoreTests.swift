import CloseDemo
import CloseSettings
import DemoCompany
import Expenses
import Foundation
import Ledger
import Testing
import Treasury

/// The bar for the demo's payment run and expense review: on every seed, each planted problem found as its kind,
/// nothing flagged that was not planted, no look-alike flagged — by Treasury's pre-flight and the expense review
/// themselves, with the demo's rules.
@Suite struct DemoOperationsScoreTests {
    static func book(_ seed: UInt64) -> DemoBook { DemoCompany.generate(DemoOptions(seed: seed)) }

    static func expectPerfect(_ scores: [ControlScore], kinds: [String], _ label: String) {
        print("[\(label)] " + scores.map { "\($0.kind) \($0.found)/\($0.planted), \($0.falsePositives) not planted, \($0.lookAlikesFlagged) look-alikes" }
            .joined(separator: "; "))
        #expect(scores.map(\.kind) == kinds, "kinds flagged without being planted")
        for score in scores {
            #expect(score.planted == 1 && score.found == 1 && score.falsePositives == 0 && score.lookAlikesFlagged == 0, "\(score)")
        }
    }

    @Test(arguments: [42, 7, 2024] as [UInt64])
    func thePaymentRunFindsEveryPlantedProblemAndPaysTheLookAlikes(seed: UInt64) {
        let book = Self.book(seed)
        let run = DemoPaymentRun(book, rules: RuleSet.demo.treasury)
        let proposal = run.propose()
        Self.expectPerfect(ControlScore.score(proposal, against: book.groundTruth), kinds: GroundTruth.treasuryKinds, "payment run seed \(seed)")
        // The look-alikes' bills are not merely unflagged: the run pays them.
        let paid = Set(proposal.groups.flatMap(\.payments).map(\.candidate.billID))
        let lookAlikes = book.groundTruth.lookAlikes(of: GroundTruth.treasuryLookAlikeKinds).flatMap(\.records)
        #expect(lookAlikes.count >= 3 && lookAlikes.allSatisfy { paid.contains($0.id) })
        #expect(proposal.notDue == 0 && run.candidates.count == book.treasury.bills.count)
    }

    @Test(arguments: [42, 7, 2024] as [UInt64])
    func theExpenseReviewFindsEveryPlantedProblemAndNoLookAlike(seed: UInt64) {
        let book = Self.book(seed)
        let findings = DemoExpenseReports(book).findings(rules: RuleSet.demo.expenses)
        Self.expectPerfect(ControlScore.score(findings, against: book.groundTruth), kinds: GroundTruth.expenseKinds, "expenses seed \(seed)")
    }

    /// The score has teeth: without the second person's verification, the look-alike's change waits (flagged), and
    /// with a meal limit of 99 the meal exactly at 100 is flagged.
    @Test func aLookAlikeFlaggedIsCounted() {
        var book = Self.book(42)
        book.treasury.verifications = []
        let treasury = ControlScore.score(DemoPaymentRun(book, rules: RuleSet.demo.treasury).propose(), against: book.groundTruth)
        #expect(treasury.reduce(0) { $0 + $1.lookAlikesFlagged } == 1)
        #expect(treasury.first { $0.kind == "bank-change-verified-by-changer" }?.found == 0)
        var rules = RuleSet.demo.expenses
        rules.categoryLimits = [ExpenseLimit(match: "FOOD", perExpense: 99)]
        let expenses = ControlScore.score(DemoExpenseReports(book).findings(rules: rules), against: book.groundTruth)
        #expect(expenses.first { $0.kind == "expense-category-limit" }.map { $0.found == 1 && $0.lookAlikesFlagged == 1 } == true)
    }
}
