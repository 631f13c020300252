public import Foundation

/// A worker's hold on a job until `expiresAt`. `token` is the job's fencing counter at the time of the
/// lease: the queue accepts an extension or a completion only with the latest token, so a worker whose
/// lease expired and was taken by another cannot write.
public struct Lease: Hashable, Sendable {
    public var job: Job
    public var worker: String
    public var token: Int64
    public var expiresAt: Date

    public init(job: Job, worker: String, token: Int64, expiresAt: Date) {
        self.job = job
        self.worker = worker
        self.token = token
        self.expiresAt = expiresAt
    }
}
