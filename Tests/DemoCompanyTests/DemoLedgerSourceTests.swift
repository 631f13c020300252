import Ledger
import Testing
@testable import DemoCompany

@Suite struct DemoLedgerSourceTests {
    @Test func pullsHonourTheWindowAndTheCursor() async throws {
        let book = DemoCompany.generate()
        let source = DemoLedgerSource(book: book)
        let period = book.groundTruth.period
        let full = try await source.pull(PullRequest(window: period.range), progress: nil)
        #expect(full.snapshot.moves.allSatisfy { period.contains($0.date) })
        #expect(full.sourceCounts?.moves == full.snapshot.moves.count)
        #expect(Set(full.snapshot.lines.map(\.moveID)).isSubset(of: Set(full.snapshot.moves.map(\.id))))

        let quiet = try await source.pull(PullRequest(window: period.range, changedSince: full.cursor.map {
            Timestamp(secondsSinceEpoch: $0.secondsSinceEpoch + 1) }), progress: nil)
        #expect(quiet.snapshot.moves.isEmpty)
        #expect(quiet.moveIDsInWindow.count == full.snapshot.moves.count)

        let edited = try await source.simulateAdministratorEdit(in: period)
        let next = try await source.pull(PullRequest(window: period.range, changedSince: full.cursor), progress: nil)
        #expect(next.snapshot.moves.map(\.name).contains(edited))
        let lines = next.snapshot.lines.filter { $0.moveID == next.snapshot.moves.first { $0.name == edited }!.id }
        #expect(lines.reduce(Int64(0)) { $0 + $1.debit.minorUnits - $1.credit.minorUnits } == 0)
    }
}
