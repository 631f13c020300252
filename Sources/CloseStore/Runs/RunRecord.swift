import Foundation

/// One run of Closer's work (pull, check, reconcile, propose, …) as the store recorded it. A run
/// still 'running' after its process ended was interrupted.
public struct RunRecord: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable {
        case running, succeeded, failed, interrupted
    }

    public var id: Int64
    public var kind: String
    public var period: String?
    public var startedAt: String
    public var finishedAt: String?
    public var status: Status
    /// The run's own summary, a JSON object (counts, or the error that stopped it).
    public var summary: String
}
