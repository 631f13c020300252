/// Where a job is in its life. `failed` is a failed attempt waiting for its retry (it can be leased again
/// once its `notBefore` passes); `dead` is the dead letter: attempts exhausted, the last error kept.
public enum JobState: String, CaseIterable, Hashable, Sendable, Codable {
    case queued
    case leased
    case succeeded
    case failed
    case dead

    /// Finished for good: nothing leases the job again.
    public var isFinal: Bool { self == .succeeded || self == .dead }
}
