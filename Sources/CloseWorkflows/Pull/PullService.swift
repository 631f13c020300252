public import CloseStore
public import Ledger
import Foundation

/// Pulls a period plus its history window from a source into the store. The first pull of a window
/// is complete; later ones are incremental (write-date cursor) and report changed posted entries.
public struct PullService: Sendable {
    public var store: AppDatabase
    public var actor: String

    public init(store: AppDatabase, actor: String) {
        self.store = store
        self.actor = actor
    }

    /// The history months before the period, the period, and everything dated after it: entries dated
    /// in the future (a mistyped year) are findings of the period being closed, so they must be seen.
    public static func window(for period: Period, historyMonths: Int) -> DateRange {
        .onward(from: period.advanced(by: -historyMonths).start)
    }

    public func pull(from source: some LedgerSource, sourceKey: SourceKey, period: Period, historyMonths: Int = 12,
                     forceComplete: Bool = false, progress: PullProgress? = nil) async throws -> PullReport {
        let started = ContinuousClock.now
        let window = Self.window(for: period, historyMonths: historyMonths)
        let cursor = forceComplete ? nil : try store.pullCursor(sourceKey: sourceKey, covering: window)
        let runID = try store.startRun(kind: "pull", period: period.description, actor: actor)
        // The pull streams into staging tables; the stored ledger changes only when the whole pull is swapped in.
        let staging = try store.stagePull()
        do {
            let result = try await source.pull(PullRequest(window: window, changedSince: cursor), into: staging, progress: progress)
            try Task.checkCancellation()
            let outcome = try store.finishPull(staging, result: result, sourceKey: sourceKey, window: window, incremental: cursor != nil,
                                               runID: runID, actor: actor)
            let report = PullReport(
                source: await source.sourceDescription, period: period, window: window, incremental: cursor != nil,
                received: outcome.received, sourceCounts: result.sourceCounts, stored: outcome.stored,
                changedPostedMoves: outcome.changes, runID: runID, seconds: (ContinuousClock.now - started).seconds)
            try store.finishRun(runID, status: .succeeded, summary: report.jsonSummary, actor: actor)
            return report
        } catch {
            staging.discard()
            let status: RunRecord.Status = error is CancellationError ? .interrupted : .failed
            try? store.finishRun(runID, status: status, summary: AuditPayload(["error": String(describing: error)]).canonicalJSON, actor: actor)
            throw error
        }
    }
}

extension PullReport {
    var jsonSummary: String {
        AuditPayload(["incremental": String(incremental), "moves": String(received.moves), "lines": String(received.lines),
                         "statement_lines": String(received.statementLines), "changed_posted_moves": String(changedPostedMoves.count)]).canonicalJSON
    }
}
