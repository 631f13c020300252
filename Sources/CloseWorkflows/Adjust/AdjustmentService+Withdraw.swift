public import CloseStore
public import Ledger

extension AdjustmentService {
    /// `closer withdraw`: takes back `actor`'s approval or rejection (a controller's: anyone's) of proposals not yet
    /// applied; each waits for review again and may be decided afresh.
    public func withdraw(ids: [Int64], sourceKey: SourceKey, reason: String) throws -> [Withdrawal<StoredAdjustment>] {
        try ids.map { try store.withdrawAdjustmentDecision(id: $0, sourceKey: sourceKey, actor: actor, reason: reason) }
    }
}
