import Adjustments
import DemoCompany
import Testing
import Ledger

/// The reclass proposer on the demo company: exactly the planted mispostings, each moved to the
/// account its vendor's history names, with the line's amount, and nothing else.
@Suite struct ReclassDemoTests {
    @Test(arguments: [42, 7] as [UInt64])
    func proposesExactlyThePlantedMispostings(seed: UInt64) throws {
        let book = DemoCompany.generate(DemoOptions(seed: seed))
        let context = ProposalContext(snapshot: book.snapshot, period: book.groundTruth.period)
        let planted = book.groundTruth.problems(of: "reclass")
        #expect(planted.count == 3)
        let proposals = ReclassProposer().proposals(in: context)
        #expect(Set(proposals.map(\.subject)) == Set(planted.map { "line-\($0.records[0].id)" }), "seed \(seed)")

        let linesByID = Dictionary(uniqueKeysWithValues: book.snapshot.lines.map { ($0.id, $0) })
        for problem in planted {
            let line = try #require(linesByID[problem.records[0].id])
            let proposal = try #require(proposals.first { $0.subject == "line-\(line.id)" }, "seed \(seed): missed \(problem.detail)")
            let expectedAccount = try #require(problem.expectedAccountID)
            #expect(proposal.entry.isBalanced)
            #expect(proposal.entry.lines.map(\.accountID) == [expectedAccount, line.accountID])
            #expect(proposal.entry.lines.map(\.amount) == [problem.expectedAmount, problem.expectedAmount.map { -$0 }])
            #expect(proposal.entry.lines.allSatisfy { $0.partnerID == line.partnerID && $0.analytic == line.analytic })
            #expect(proposal.confidence >= AdjustmentRules().reclass.minimumConfidence)
            #expect(proposal.evidence.first?.id == line.moveID)
        }
    }

    @Test func theReasonNamesTheHistoryItRestsOn() throws {
        let book = DemoCompany.generate()
        let context = ProposalContext(snapshot: book.snapshot, period: book.groundTruth.period)
        let planted = try #require(book.groundTruth.problems(of: "reclass").first)
        let proposal = try #require(ReclassProposer().proposals(in: context).first { $0.subject == "line-\(planted.records[0].id)" })
        let line = try #require(book.snapshot.lines.first { $0.id == planted.records[0].id })
        let expected = try #require(context.accountsByID[planted.expectedAccountID ?? 0])
        #expect(proposal.reason.contains(context.partnerName(line.partnerID)))
        #expect(proposal.reason.contains("earlier lines"))
        #expect(proposal.reason.contains("went to " + expected.displayName))
        // Every history entry cited is an earlier posted entry booking that partner to the expected account.
        let history = proposal.evidence.dropFirst()
        #expect(!history.isEmpty)
        for record in history {
            let move = try #require(context.move(id: record.id))
            #expect(move.state == .posted && move.date < context.period.start)
            #expect(context.lines(of: move.id).contains { $0.accountID == expected.id && $0.partnerID == line.partnerID })
        }
    }
}
