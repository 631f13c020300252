public import Ledger

/// Finds what happened to vendors' bank accounts since the last pull. Odoo's tracking, where this user may read
/// it, says exactly what changed, when and by whom; otherwise two pulls compared do (the number, holder, owner
/// and trust of each account), and where an account is seen for the first time its own creation and last write
/// stand in for what came before. Anything older than `watchedSince` is history, not a change to hold payments for.
public struct BankChangeDetector: Sendable {
    public var watchedSince: Timestamp

    public init(watchedSince: Timestamp) {
        self.watchedSince = watchedSince
    }

    /// - Parameters:
    ///   - previous: the accounts as earlier pulls saw them, by id; nil when this company was never pulled.
    ///   - tracked: the changes Odoo's tracking holds, nil when this user may not read it.
    public func changes(previous: [Int: VendorBankAccount]?, current: [ObservedBankAccount], tracked: [BankDetailChange]?) -> [BankDetailChange] {
        var changes: [BankDetailChange] = []
        for observed in current {
            let account = observed.account
            let created = BankDetailChange(accountID: account.id, partnerID: account.partnerID, kind: .created, at: observed.createdAt,
                                           by: observed.createdBy, detail: account.number)
            // First sight of the account (a new company, or a vendor Closer had no reason to read before): its own
            // creation and last write stand in for what came before.
            guard let before = previous?[account.id] else {
                if observed.createdAt >= watchedSince { changes.append(created) }
                if tracked == nil && observed.writtenAt.secondsSinceEpoch > observed.createdAt.secondsSinceEpoch + 60 && observed.writtenAt >= watchedSince {
                    changes.append(BankDetailChange(accountID: account.id, partnerID: account.partnerID, kind: .detailsChanged,
                                                    at: observed.writtenAt, by: observed.writtenBy))
                }
                continue
            }
            guard tracked == nil else { continue }
            changes += Self.differences(before, observed)
        }
        let partners = Dictionary(current.map { ($0.account.id, $0.account.partnerID) }) { first, _ in first }
        for change in tracked ?? [] where change.at >= watchedSince {
            var change = change
            change.partnerID = partners[change.accountID] ?? change.partnerID
            changes.append(change)
        }
        return changes.sorted { ($0.at, $0.accountID, $0.kind.rawValue) < ($1.at, $1.accountID, $1.kind.rawValue) }
    }

    /// What two pulls show changed on one account, dated and signed by its last write.
    static func differences(_ before: VendorBankAccount, _ observed: ObservedBankAccount) -> [BankDetailChange] {
        let after = observed.account
        func change(_ kind: BankDetailChange.Kind, _ detail: String? = nil) -> BankDetailChange {
            BankDetailChange(accountID: after.id, partnerID: after.partnerID, kind: kind, at: observed.writtenAt, by: observed.writtenBy, detail: detail)
        }
        var changes: [BankDetailChange] = []
        if before.partnerID != after.partnerID {
            changes.append(change(.created, "moved from partner \(before.partnerID)"))
        } else if before.sanitizedNumber != after.sanitizedNumber {
            changes.append(change(.numberChanged, "\(before.number) → \(after.number)"))
        }
        if (before.holderName ?? "") != (after.holderName ?? "") {
            changes.append(change(.holderChanged, "\(before.holderName ?? "none") → \(after.holderName ?? "none")"))
        }
        if before.trusted != after.trusted { changes.append(change(after.trusted ? .trusted : .untrusted)) }
        return changes
    }
}
