public import Ledger
/// One run per company at a time in this process: a scheduled close and a webhook's refresh of the same
/// company must not pull into the store together. The scheduler skips when busy; the refresh waits its turn.
public actor CompanyRunLock {
    private var held: Set<SourceKey> = []
    private var waiting: [SourceKey: [CheckedContinuation<Void, Never>]] = [:]

    public init() {}

    /// Takes the company's lock if it is free.
    public func tryAcquire(_ sourceKey: SourceKey) -> Bool {
        held.insert(sourceKey).inserted
    }

    /// Takes the company's lock, waiting for the current holder to release it.
    public func acquire(_ sourceKey: SourceKey) async {
        if held.insert(sourceKey).inserted { return }
        await withCheckedContinuation { waiting[sourceKey, default: []].append($0) }
    }

    /// Hands the lock to the next waiter, or frees it.
    public func release(_ sourceKey: SourceKey) {
        if var queue = waiting[sourceKey], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[sourceKey] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            held.remove(sourceKey)
        }
    }

    public func isHeld(_ sourceKey: SourceKey) -> Bool { held.contains(sourceKey) }
}
