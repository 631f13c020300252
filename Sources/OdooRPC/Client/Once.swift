/// A value fetched from the server at most once per client: concurrent first callers share one request,
/// later callers get the kept value. A failure is not kept, so the next caller asks again.
final class Once<Value: Sendable>: Sendable {
    private let state = Locked<Task<Value, any Error>?>(nil)

    func value(_ fetch: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = state.withLock { current in
            if let current { return current }
            let started = Task { try await fetch() }
            current = started
            return started
        }
        do {
            return try await task.value
        } catch {
            state.withLock { current in if current == task { current = nil } }
            throw error
        }
    }
}
