public import Foundation
#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif
import Synchronization

extension URLSession {
    /// `data(for:)` that a cancelled task can abandon safely. Swift 6.3's FoundationNetworking cancels the
    /// request from inside the task's cancellation handler with a synchronous hop onto the session's queue;
    /// when that queue is delivering the answer at the same moment, both wait on each other for ever
    /// (swift-corelibs-foundation#5412, fixed only after 6.3). A worker drained by SIGTERM mid-pull hung
    /// that way. Here the handler only schedules the cancel, so it never waits.
    public func cancellableData(for request: URLRequest) async throws -> (Data, URLResponse) {
        let pending = PendingRequest()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, URLResponse), any Error>) in
                let task = dataTask(with: request) { data, response, error in
                    if let error {
                        continuation.resume(throwing: error)
                    } else if let data, let response {
                        continuation.resume(returning: (data, response))
                    } else {
                        continuation.resume(throwing: URLError(.badServerResponse))
                    }
                }
                if pending.start(task) {
                    task.resume()
                } else {
                    continuation.resume(throwing: URLError(.cancelled))
                }
            }
        } onCancel: {
            pending.cancel()
        }
    }
}

/// The request a task is waiting for, and whether the task was cancelled before it started.
private final class PendingRequest: Sendable {
    private struct State {
        var task: URLSessionDataTask?
        var cancelled = false
    }
    private let state = Mutex(State())

    /// False when the task was already cancelled: the request is then never sent.
    func start(_ task: URLSessionDataTask) -> Bool {
        state.withLock { state in
            guard !state.cancelled else { return false }
            state.task = task
            return true
        }
    }

    func cancel() {
        let task = state.withLock { state in
            state.cancelled = true
            return state.task
        }
        guard let task else { return }
        DispatchQueue.global().async { task.cancel() }
    }
}
