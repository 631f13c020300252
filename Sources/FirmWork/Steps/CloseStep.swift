public import JobQueue

/// The close as a chain of jobs, one step each, so a slow Odoo holds up only the pull and each step is
/// retried on its own: pull → check → reconcile → propose → package. A step's worker enqueues the next
/// before completing its own, so a worker killed between the two leaves nothing stranded (enqueueing is
/// idempotent: the rerun asks for the same next job).
public enum CloseStep {
    public static let sequence: [JobKind] = [.pull, .check, .reconcile, .propose, .package]

    /// The step after `kind`, or nil after the last (or for a job that is not a close step).
    public static func next(after kind: JobKind) -> JobKind? {
        guard let index = sequence.firstIndex(of: kind), index + 1 < sequence.count else { return nil }
        return sequence[index + 1]
    }
}
