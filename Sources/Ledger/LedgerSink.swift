import Synchronization

/// Where a streamed pull hands the bulk of a ledger — entries, their lines, statement lines — page by page
/// as they arrive, so a pull holds one page at a time instead of the whole company.
/// A currency is always received before any record in it.
public protocol LedgerSink: Sendable {
    func receive(currencies: [Currency]) async throws
    func receive(moves: [Move]) async throws
    func receive(lines: [JournalLine]) async throws
    func receive(statementLines: [StatementLine]) async throws
}

/// A sink that keeps everything in memory: the whole-snapshot pull of sources that stream.
public final class LedgerCollector: LedgerSink {
    private let collected = Mutex<(moves: [Move], lines: [JournalLine], statementLines: [StatementLine])>(([], [], []))

    public init() {}

    public func receive(currencies: [Currency]) {}
    public func receive(moves: [Move]) { collected.withLock { $0.moves += moves } }
    public func receive(lines: [JournalLine]) { collected.withLock { $0.lines += lines } }
    public func receive(statementLines: [StatementLine]) { collected.withLock { $0.statementLines += statementLines } }

    /// `result` (whose bulk went to this sink) with the collected records put back, in id order (lines by entry, then id).
    public func completing(_ result: PullResult) -> PullResult {
        var whole = result
        collected.withLock { records in
            whole.snapshot.moves = records.moves.sorted { $0.id < $1.id }
            whole.snapshot.lines = records.lines.sorted { ($0.moveID, $0.id) < ($1.moveID, $1.id) }
            whole.snapshot.statementLines = records.statementLines.sorted { $0.id < $1.id }
        }
        return whole
    }
}
