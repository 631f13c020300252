/// Keeps the server tracebacks of the most recent faults, so `OdooError.debugDetail`
/// can show them without the public enum carrying them (its cases are a fixed contract,
/// and a traceback must never leak into `description`).
enum FaultDetails {
    private static let capacity = 32
    private static let store = Locked<[(key: String, detail: String)]>([])

    static func remember(_ detail: String, for error: OdooError) {
        let key = error.description
        store.withLock { entries in
            entries.removeAll { $0.key == key }
            entries.append((key, detail))
            if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        }
    }

    static func detail(for error: OdooError) -> String? {
        let key = error.description
        return store.withLock { entries in entries.last { $0.key == key }?.detail }
    }
}

extension OdooError {
    /// The server's traceback or full fault text for the most recent fault that produced
    /// this error, for `--verbose` output and bug reports.
    public var debugDetail: String? { FaultDetails.detail(for: self) }
}
