/// Where ledgers come from: a live Odoo database, or the embedded demo company.
public protocol LedgerSource: Sendable {
    /// Names the source for people ("Odoo 18.0 at https://erp.example.com, database prod").
    var sourceDescription: String { get async }

    /// Pulls the company's reference data and the entries dated inside `request.window`;
    /// with `request.changedSince`, only moves and statement lines written since then.
    func pull(_ request: PullRequest, progress: PullProgress?) async throws -> PullResult

    /// The same pull with its moves, lines and statement lines handed to `sink` as they arrive instead of
    /// kept: the result's snapshot holds the rest (company, currencies, reference data, order lines).
    func pull(_ request: PullRequest, into sink: some LedgerSink, progress: PullProgress?) async throws -> PullResult
}

extension LedgerSource {
    /// For sources that hold their ledger in memory anyway: pulled whole, then handed over in pages.
    public func pull(_ request: PullRequest, into sink: some LedgerSink, progress: PullProgress?) async throws -> PullResult {
        var result = try await pull(request, progress: progress)
        try await sink.receive(currencies: result.snapshot.currencies)
        for page in Self.pages(of: result.snapshot.moves) { try await sink.receive(moves: page) }
        for page in Self.pages(of: result.snapshot.lines) { try await sink.receive(lines: page) }
        for page in Self.pages(of: result.snapshot.statementLines) { try await sink.receive(statementLines: page) }
        (result.snapshot.moves, result.snapshot.lines, result.snapshot.statementLines) = ([], [], [])
        return result
    }

    private static func pages<Record>(of records: [Record], size: Int = 2_000) -> LazyMapSequence<StrideTo<Int>, [Record]> {
        stride(from: 0, to: records.count, by: size).lazy.map { Array(records[$0..<min($0 + size, records.count)]) }
    }
}

public struct PullRequest: Sendable, Hashable {
    public var window: DateRange
    public var changedSince: Timestamp?

    public init(window: DateRange, changedSince: Timestamp? = nil) {
        self.window = window
        self.changedSince = changedSince
    }
}

/// What a pull brought back. `moveIDsInWindow` lists every move id in the window (also on an
/// incremental pull), so that the store can notice moves deleted since the last pull.
public struct PullResult: Sendable {
    public var snapshot: LedgerSnapshot
    public var moveIDsInWindow: [Int]
    /// The newest write timestamp seen, to be used as `changedSince` next time.
    public var cursor: Timestamp?
    /// What the source itself counts for the window (Odoo's search_count), to prove nothing was lost.
    public var sourceCounts: LedgerCounts?
    /// What the source could not read and why, in sentences for the user (e.g. a module not installed).
    public var notes: [String]

    public init(snapshot: LedgerSnapshot, moveIDsInWindow: [Int], cursor: Timestamp?, sourceCounts: LedgerCounts? = nil, notes: [String] = []) {
        self.snapshot = snapshot
        self.moveIDsInWindow = moveIDsInWindow
        self.cursor = cursor
        self.sourceCounts = sourceCounts
        self.notes = notes
    }
}

/// Reports records fetched so far (model name and count) for progress display.
public typealias PullProgress = @Sendable (_ model: String, _ fetched: Int) -> Void
