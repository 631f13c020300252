public import Ledger
/// One scheduled close run as the history shows it. A slot (the due time, UTC) runs at most once per
/// schedule; `skipped-overlap` records a slot that came while a run of the same company was still going.
public struct ScheduledRun: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable {
        case running, succeeded, failed
        case skippedOverlap = "skipped-overlap"
        /// Left running by a process that stopped; marked when the scheduler starts again.
        case interrupted
    }

    public var id: Int64
    public var scheduleName: String
    public var sourceKey: SourceKey
    public var period: String
    /// The due time this run was for, UTC text.
    public var slot: String
    public var startedAt: String
    public var finishedAt: String?
    public var status: Status
    /// One line: what the run found, or why it failed or was skipped.
    public var summary: String
}
