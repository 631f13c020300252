/// Why `waitForWork` returned.
public enum WorkSignal: Hashable, Sendable {
    /// A job could be leased when the wait began.
    case ready
    /// Another process enqueued, requeued or completed a job.
    case notified
    /// A delayed job or an expiring lease came due.
    case due
    case timedOut
}
