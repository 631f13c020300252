/// What `enqueue` gives back: the job, and whether this call created it or found it already there.
public struct Enqueued: Hashable, Sendable {
    public var job: Job
    public var created: Bool

    public init(job: Job, created: Bool) {
        self.job = job
        self.created = created
    }
}
