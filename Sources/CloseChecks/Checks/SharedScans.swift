import Ledger
import Synchronization

/// What more than one check reads from the whole ledger, scanned once per context on first use: the entry sequences
/// (sequence-gap and sequence-duplicate) and every account's posted balance at the period's end (suspense, clearing,
/// and triage's amounts). Checks run one after another today; the lock keeps it right if they ever run side by side.
final class SharedScans: Sendable {
    private let sequences = Mutex<EntrySequences?>(nil)
    private let balances = Mutex<[Int64]?>(nil)

    func entrySequences(_ context: CheckContext) -> EntrySequences {
        sequences.withLock { cached in
            if let cached { return cached }
            let built = EntrySequences(context)
            cached = built
            return built
        }
    }

    /// Per account position, the posted balance (debit minus credit) of its lines dated up to the period's end.
    func balancesAtPeriodEnd(_ context: CheckContext) -> [Int64] {
        balances.withLock { cached in
            if let cached { return cached }
            let snapshot = context.snapshot, moves = snapshot.moves, lines = snapshot.lines, end = context.period.end
            var balance = [Int64](repeating: 0, count: snapshot.accounts.count)
            for position in moves.indices where moves[position].state == .posted {
                for index in context.lineRanges[position] where lines[index].date <= end {
                    guard let account = context.accountIndex[lines[index].accountID] else { continue }
                    balance[account] += lines[index].debit.minorUnits - lines[index].credit.minorUnits
                }
            }
            cached = balance
            return balance
        }
    }
}
