import Synchronization

/// Set once when the worker is asked to stop (SIGTERM, SIGINT): it takes no new job, finishes the one it
/// holds within its grace period, or gives that job back to the queue.
public final class DrainSignal: Sendable {
    private let requested = Atomic<Bool>(false)

    public init() {}

    public func request() { requested.store(true, ordering: .relaxed) }
    public var isRequested: Bool { requested.load(ordering: .relaxed) }

    /// Returns once a drain was requested (checked every `interval`), or throws when cancelled.
    func wait(checkingEvery interval: Duration = .milliseconds(100)) async throws {
        while !isRequested { try await Task.sleep(for: interval) }
    }
}
