import Ledger
import Synchronization

/// What a streamed pull remembers of the records it let go: the partners they name (read once at the end) and the
/// newest write date (the next incremental pull's cursor).
final class PullTally: Sendable {
    private let state = Mutex<(partners: Set<Int>, newestWrite: Timestamp?)>(([], nil))

    func note(writes: [Timestamp], partners: [Int]) {
        state.withLock { state in
            state.partners.formUnion(partners)
            if let newest = writes.max(), state.newestWrite.map({ newest > $0 }) ?? true { state.newestWrite = newest }
        }
    }

    var partnerIDs: Set<Int> { state.withLock { $0.partners } }
    var newestWrite: Timestamp? { state.withLock { $0.newestWrite } }
}

/// Records that may name a partner.
protocol NamesPartner: Sendable {
    var partnerID: Int? { get }
}

extension Move: NamesPartner {}
extension JournalLine: NamesPartner {}
extension StatementLine: NamesPartner {}
