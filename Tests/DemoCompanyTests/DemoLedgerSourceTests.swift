@testable import DemoCompany
import Ledger
import Testing

@Suite struct DemoLedgerSourceTests {
    @Test func pullsHonourTheWindowAndTheCursor() async throws {
        let book = DemoFixture.book
        let source = DemoLedgerSource(book: book)
        let period = book.groundTruth.period
        let full = try await source.pull(PullRequest(window: period.range), progress: nil)
        #expect(!full.snapshot.moves.isEmpty && full.snapshot.moves.allSatisfy { period.contains($0.date) })
        #expect(full.snapshot.moves.count == book.snapshot.moves.filter { period.contains($0.date) }.count)
        #expect(full.snapshot.statementLines.allSatisfy { period.contains($0.date) } && !full.snapshot.statementLines.isEmpty)
        #expect(full.sourceCounts?.moves == full.snapshot.moves.count)
        #expect(Set(full.snapshot.lines.map(\.moveID)) == Set(full.snapshot.moves.map(\.id)))
        #expect(full.moveIDsInWindow == full.snapshot.moves.map(\.id))
        #expect(full.cursor == full.snapshot.moves.map(\.audit.writtenAt).max())

        let quiet = try await source.pull(PullRequest(window: period.range, changedSince: full.cursor.map {
            Timestamp(secondsSinceEpoch: $0.secondsSinceEpoch + 1) }), progress: nil)
        #expect(quiet.snapshot.moves.isEmpty && quiet.snapshot.lines.isEmpty)
        #expect(quiet.moveIDsInWindow.count == full.snapshot.moves.count)

        // Paying an invoice rewrites it (payment state, residual): an incremental pull from a
        // mid-period cursor brings back invoices of earlier months that were paid since.
        let since = Timestamp(date: period.start.adding(days: 14))
        let year = DateRange(period.advanced(by: -12).start, period.end)
        let recent = try await source.pull(PullRequest(window: year, changedSince: since), progress: nil)
        #expect(recent.snapshot.moves.allSatisfy { $0.audit.writtenAt >= since })
        #expect(recent.snapshot.moves.contains { $0.date < period.start && $0.type.isInvoice })
    }

    @Test func aSimulatedEditIsReportedByTheNextPull() async throws {
        let book = DemoFixture.book
        let source = DemoLedgerSource(book: book)
        let period = book.groundTruth.period
        let first = try await source.pull(PullRequest(window: period.range), progress: nil)
        let target = book.snapshot.moves.first { $0.type == .customerInvoice && $0.state == .posted && period.contains($0.date) }!
        let edited = try await source.simulateEdit(moveID: target.id, minorUnits: 12_345)
        #expect(edited.audit.writtenAt > first.cursor! && edited.audit.writtenBy?.name == "Administrator")
        #expect(edited.amountTotal.minorUnits == target.amountTotal.minorUnits + 12_345)

        let next = try await source.pull(PullRequest(window: period.range, changedSince: first.cursor.map {
            Timestamp(secondsSinceEpoch: $0.secondsSinceEpoch + 1) }), progress: nil)
        #expect(next.snapshot.moves.map(\.id) == [target.id])
        #expect(next.cursor == edited.audit.writtenAt)
        let lines = next.snapshot.lines
        #expect(lines.reduce(Int64(0)) { $0 + $1.debit.minorUnits - $1.credit.minorUnits } == 0)
        #expect(lines != DemoFixture.linesByMove[target.id])

        let name = try await source.simulateAdministratorEdit(in: period)
        let last = try await source.pull(PullRequest(window: period.range, changedSince: next.cursor.map {
            Timestamp(secondsSinceEpoch: $0.secondsSinceEpoch + 1) }), progress: nil)
        #expect(last.snapshot.moves.map(\.name) == [name])
        await #expect(throws: DemoEditError.self) { try await source.simulateEdit(moveID: 0) }
    }
}
