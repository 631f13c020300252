@testable import BankMatching
import DemoCompany
import Ledger
import Testing

/// A match a reviewer rejected is not offered again for the same line while the line is what the
/// reviewer saw; the next best candidate is. A changed line is matched afresh, saying what changed.
@Suite struct RejectedCandidatesTests {
    static let book = DemoCompany.generate(DemoOptions(targetLines: 6_000))
    static let matcher = BankMatcher(snapshot: book.snapshot)

    /// An unreconciled line with at least two candidates, and its proposal.
    static func contested() throws -> (StatementLine, MatchProposal) {
        let lines = book.snapshot.statementLines.filter { !$0.isReconciled && $0.date <= book.groundTruth.period.end }
        let proposals = matcher.proposals(for: lines)
        let proposal = try #require(proposals.first { $0.candidates.count >= 2 })
        return (lines.first { $0.id == proposal.statementLineID }!, proposal)
    }

    @Test func theRejectedCandidateMakesWayForTheNextBest() throws {
        let (line, proposal) = try Self.contested()
        let rejected = RejectedCandidates(rejected: [proposal], lines: [line])
        #expect(rejected.changedLines.isEmpty)
        let again = Self.matcher.proposals(for: [line], rejected: rejected)[0]
        #expect(!again.candidates.contains { $0.itemLineIDs == proposal.candidates[0].itemLineIDs
                                             && $0.writeOffAccountID == proposal.candidates[0].writeOffAccountID })
        #expect(again.best?.itemLineIDs == proposal.candidates[1].itemLineIDs)
        #expect(!again.reason.contains("proposed again"))
    }

    @Test func everyCandidateRejectedLeavesTheLineToAPerson() throws {
        let (line, proposal) = try Self.contested()
        var rejected = RejectedCandidates()
        var offered = Self.matcher.proposals(for: [line])[0]
        while let best = offered.best {
            rejected.add(best, statementLineID: line.id)
            offered = Self.matcher.proposals(for: [line], rejected: rejected)[0]
        }
        #expect(offered.decision == .cannotMatch && offered.reason.contains("a reviewer rejected every candidate"))
        #expect(proposal.best != nil)
    }

    @Test func aChangedLineIsMatchedAfreshAndSaysWhatChanged() throws {
        let (line, proposal) = try Self.contested()
        var edited = line
        edited.amount = Money(minorUnits: line.amount.minorUnits + 10_000, currency: line.amount.currency, scale: 2)
        edited.paymentRef = (line.paymentRef ?? "") + " corrected"
        let rejected = RejectedCandidates(rejected: [proposal], lines: [edited])
        let change = try #require(rejected.changedLines[line.id])
        #expect(change.contains("amount \(line.amount) → \(edited.amount)") && change.contains("text '"))
        #expect(change.contains(proposal.candidates[0].documents[0]))
        let again = Self.matcher.proposals(for: [edited], rejected: rejected)[0]
        if again.best != nil { #expect(again.reason.hasPrefix("proposed again, the line changed since a reviewer rejected")) }
    }
}
