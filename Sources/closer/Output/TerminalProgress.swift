import Foundation
import Ledger
import CloseWorkflows

/// Progress for long work: a single self-overwriting line with a count and a rate on a terminal,
/// nothing at all when output is JSON or not a terminal (logs and pipes stay clean).
final class TerminalProgress: ProgressReporter, @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var started = ContinuousClock.now
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private var drewSomething = false

    public init(enabled: Bool) { self.enabled = enabled }

    /// Enabled only when standard error is a terminal and the caller does not want JSON.
    public static func forCommandLine(json: Bool) -> TerminalProgress {
        TerminalProgress(enabled: !json && isatty(STDERR_FILENO) == 1)
    }

    public func update(_ what: String, count: Int) {
        guard enabled else { return }
        lock.withLock {
            let now = ContinuousClock.now
            guard now - lastDraw > .milliseconds(100) else { return }
            lastDraw = now
            let elapsed = max((now - started).seconds, 0.001)
            let line = "\(what): \(count.formatted()) records (\(Int(Double(count) / elapsed).formatted())/s)"
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            drewSomething = true
        }
    }

    public func restartClock() { lock.withLock { started = .now } }

    /// Clears the progress line before the final report is printed.
    public func finish() {
        guard enabled else { return }
        lock.withLock {
            if drewSomething { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            drewSomething = false
        }
    }
}
