/// How a leased job ended. A failure is retried after a back-off until the job's attempts run out, then
/// the job is dead with this error.
public enum JobOutcome: Hashable, Sendable {
    case succeeded
    case failed(error: String)
}
