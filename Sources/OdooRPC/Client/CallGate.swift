/// At most `limit` calls in flight at once: the bound on what one client asks of an Odoo at the same
/// time, whatever reads a workflow runs side by side. Waiters are let in first come, first served.
actor CallGate {
    private let limit: Int
    private var inFlight = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    /// Runs `body` once a slot is free; the slot is free again when it returns or throws.
    nonisolated func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await enter()
        do {
            // A pull interrupted while this call waited for a slot should not start it.
            try Task.checkCancellation()
            let result = try await body()
            await leave()
            return result
        } catch {
            await leave()
            throw error
        }
    }

    private func enter() async {
        if inFlight < limit {
            inFlight += 1
            return
        }
        // The slot is handed over by `leave`, which keeps the count as it is.
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty { inFlight -= 1 } else { waiting.removeFirst().resume() }
    }
}
