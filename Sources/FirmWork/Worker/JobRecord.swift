public import JobQueue

/// What one worker did with one leased job, for its log and the summary a benchmark reads.
public struct JobRecord: Sendable, Codable {
    public enum Outcome: String, Sendable, Codable {
        case succeeded, failed
        /// Given back unfinished while draining.
        case released
        /// Another worker holds the job now: this one's results were discarded.
        case leaseLost = "lease-lost"
    }

    public var job: Int64
    public var tenant: String
    public var kind: JobKind
    /// From the moment the job could first be leased (its not-before) to its lease.
    public var waitedSeconds: Double
    public var ranSeconds: Double
    public var outcome: Outcome
    public var detail: String
}
