public import Foundation

/// Why the queue refused or could not act, in sentences that say what to do.
public enum JobQueueError: Error, Equatable, LocalizedError {
    case invalidRequest(String)
    /// The lease's token is not the job's latest: the job was requeued, leased by another worker, or finished.
    case leaseLost(Lease, current: Job?)
    /// The server's queue was migrated by a newer Closer.
    case newerSchema(schema: String, unknown: [String])
    case invalidConfiguration(String)
    /// The queue's storage failed; the underlying message, without connection secrets.
    case unavailable(String)

    public var errorDescription: String? {
        switch self {
        case .invalidRequest(let text), .invalidConfiguration(let text):
            return text
        case .leaseLost(let lease, let current):
            let now: String
            switch current {
            case nil: now = "it no longer exists"
            case let job? where job.state == .leased:
                now = "\(job.leasedBy ?? "another worker") holds it now (token \(job.fence))"
            case let job?:
                now = "it is \(job.state.rawValue) now (latest token \(job.fence))"
            }
            return "\(lease.job.label) is no longer leased by \(lease.worker) with token \(lease.token): \(now). "
                + "Discard this attempt's results and write nothing; the job's current holder does the work."
        case .newerSchema(let schema, let unknown):
            return "The job queue in schema \(schema) was migrated by a newer Closer (\(unknown.joined(separator: ", "))): "
                + "upgrade this worker before it uses the queue."
        case .unavailable(let text):
            return "The job queue's database could not be used (\(text)): check that PostgreSQL is running and the URL is right, then retry."
        }
    }
}
