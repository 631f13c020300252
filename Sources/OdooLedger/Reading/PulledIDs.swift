import Synchronization

/// Ids gathered from pages read side by side.
final class PulledIDs: Sendable {
    private let ids = Mutex<Set<Int>>([])

    func insert(_ new: [Int]) { ids.withLock { $0.formUnion(new) } }
    var all: Set<Int> { ids.withLock { $0 } }
}
