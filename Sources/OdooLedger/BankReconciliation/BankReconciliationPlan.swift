import Ledger

/// The writes that carry out one approved match, decided before anything is written.
///
/// Each rewrite turns a statement line's suspense item into the counterpart items (and the
/// write-off), in one `account.move` write, so the entry stays balanced and is either rewritten
/// whole or not at all. The reconcile groups then run `account.move.line.reconcile`, one call each.
struct BankReconciliationPlan: Sendable, Hashable {
    var rewrites: [StatementRewrite]
    var reconcileGroups: [[PlannedLineRef]]
}

/// A statement line's entry, rewritten: its suspense item becomes `lines[0]`, the other lines are added.
struct StatementRewrite: Sendable, Hashable {
    var statementLineID: Int
    var moveID: Int
    var moveName: String
    var suspenseLineID: Int
    var lines: [PlannedLine]
}

struct PlannedLine: Sendable, Hashable {
    enum Role: Sendable, Hashable {
        /// Settles this open item.
        case counterpart(openItemID: Int)
        /// The other side of an internal transfer: a statement line's suspense item moved to the transfer account.
        case transfer
        case writeOff
    }

    var role: Role
    var accountID: Int
    var partnerID: Int?
    var currencyID: Int
    /// In the line's currency (the statement line's transaction currency).
    var amountCurrency: Money
    /// In the company currency.
    var balance: Money
    var label: String
}

/// A journal item of a reconcile group: one that exists, or one a rewrite creates.
enum PlannedLineRef: Sendable, Hashable {
    case existing(Int)
    case planned(rewrite: Int, line: Int)
}

enum BankReconciliationDecision: Sendable, Hashable {
    /// The statement line is untouched: rewrite it and reconcile.
    case apply(BankReconciliationPlan)
    /// An earlier run rewrote the entry but did not finish reconciling: do the rest, nothing twice.
    case finish(BankReconciliationPlan)
    /// The statement line is matched already; nothing to write.
    case alreadyReconciled
    /// Not written, with the reason.
    case refuse(String)
}
