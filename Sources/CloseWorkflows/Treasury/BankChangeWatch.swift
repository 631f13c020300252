import CloseStore
import Foundation
import Ledger
import OdooLedger
import Treasury

/// Compares the vendors' bank accounts one pull read with what earlier pulls saw and records every change found
/// (audited, so the outgoing webhooks announce each held vendor). Only accounts of vendors with bills to pay are read.
struct BankChangeWatch {
    let store: AppDatabase
    let rules: TreasuryRules

    @discardableResult
    func record(_ reading: TreasuryReading, actor: String, at now: Date) throws -> [BankDetailChange] {
        let watch = try store.bankAccountWatch(sourceKey: reading.sourceKey)
        let start = watch?.since ?? Timestamp(secondsSinceEpoch: Int64(now.timeIntervalSince1970))
        let detector = BankChangeDetector(watchedSince: Timestamp(secondsSinceEpoch: start.secondsSinceEpoch - Int64(rules.recentChangeDays) * 86_400))
        let changes = detector.changes(previous: watch?.accounts, current: reading.bankAccounts, tracked: reading.trackedChanges)
        return try store.recordBankAccounts(reading.bankAccounts, changes: changes, sourceKey: reading.sourceKey, actor: actor, at: now)
    }
}
