import Foundation

/// At most `workers` calls served at once, like Odoo's worker processes; the rest wait their turn. Keeps the
/// most that were ever in service together, so a test can see the cap hold.
final class WorkerPool: @unchecked Sendable {
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var busy = 0
    private var peak = 0

    init(workers: Int) { slots = DispatchSemaphore(value: workers) }

    func serve<T>(_ work: () throws -> T) rethrows -> T {
        slots.wait()
        lock.lock(); busy += 1; peak = max(peak, busy); lock.unlock()
        defer {
            lock.lock(); busy -= 1; lock.unlock()
            slots.signal()
        }
        return try work()
    }

    var mostAtOnce: Int {
        lock.lock(); defer { lock.unlock() }
        return peak
    }
}
