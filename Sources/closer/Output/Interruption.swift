import ArgumentParser
import Foundation

/// Ctrl-C during long work cancels it cooperatively, so runs end as 'interrupted' and the store
/// keeps its last committed state; a second Ctrl-C exits at once.
enum Interruption {
    static func cancellingOnInterrupt<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await work() }
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let interrupts = InterruptCounter()
        source.setEventHandler {
            if interrupts.increment() > 1 { exit(130) }
            FileHandle.standardError.write(Data("\ninterrupted: stopping after the current step (Ctrl-C again to quit now)\n".utf8))
            task.cancel()
        }
        source.resume()
        defer { source.cancel() }
        do {
            return try await task.value
        } catch is CancellationError {
            FileHandle.standardError.write(Data("Interrupted: the store keeps its state from before this run.\n".utf8))
            throw ExitCode(130)
        }
    }
}

private final class InterruptCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() -> Int { lock.withLock { count += 1; return count } }
}
