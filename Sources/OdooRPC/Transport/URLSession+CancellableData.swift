public import Foundation
#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif
import Synchronization

extension URLSession {
    /// `data(for:)` that a cancelled task leaves at once. Swift 6.3's FoundationNetworking cannot be trusted to
    /// cancel a request: its `data(for:)` deadlocks when the cancel meets the answer arriving
    /// (swift-corelibs-foundation#5412; a worker drained by SIGTERM mid-pull hung that way, and every other
    /// request of the process behind it), and `URLSessionTask.cancel()` on a request that is just finishing
    /// traps ("a task that is not in the registry"). So a cancelled caller is answered `URLError(.cancelled)`
    /// at once and the request is abandoned, never cancelled: it ends on its own, within its timeout, and its
    /// answer is dropped. A write abandoned that way may still reach the server, as it may when an answer is lost.
    public func cancellableData(for request: URLRequest) async throws -> (Data, URLResponse) {
        let pending = PendingRequest()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, URLResponse), any Error>) in
                guard pending.wait(continuation) else { return }
                dataTask(with: request) { data, response, error in
                    if let error {
                        pending.finish(.failure(error))
                    } else if let data, let response {
                        pending.finish(.success((data, response)))
                    } else {
                        pending.finish(.failure(URLError(.badServerResponse)))
                    }
                }.resume()
            }
        } onCancel: {
            pending.finish(.failure(URLError(.cancelled)))
        }
    }
}

/// The caller waiting for one request: answered once, by the request's end or by the caller's cancellation,
/// whichever comes first.
private final class PendingRequest: Sendable {
    private enum State {
        case notWaiting
        case waiting(CheckedContinuation<(Data, URLResponse), any Error>)
        case answered
    }
    private let state = Mutex(State.notWaiting)

    /// Keeps the continuation until the request ends; false (and the continuation answered) when the task was
    /// cancelled before the request was sent.
    func wait(_ continuation: CheckedContinuation<(Data, URLResponse), any Error>) -> Bool {
        let cancelledAlready = state.withLock { state in
            if case .answered = state { return true }
            state = .waiting(continuation)
            return false
        }
        if cancelledAlready { continuation.resume(throwing: URLError(.cancelled)) }
        return !cancelledAlready
    }

    func finish(_ result: Result<(Data, URLResponse), any Error>) {
        let waiting = state.withLock { state -> CheckedContinuation<(Data, URLResponse), any Error>? in
            defer { state = .answered }
            if case .waiting(let continuation) = state { return continuation }
            return nil
        }
        waiting?.resume(with: result)
    }
}
