public import CloseStore
public import Ledger

extension ReconcileService {
    /// `closer reconcile withdraw`: takes back an approval or rejection of bank matches not yet applied; each waits
    /// for review again, and its verdict no longer teaches the next model.
    public func withdraw(ids: [Int64], sourceKey: SourceKey, reason: String) throws -> [Withdrawal<StoredMatchProposal>] {
        try ids.map { try store.withdrawMatchDecision(id: $0, sourceKey: sourceKey, actor: actor, reason: reason) }
    }
}
