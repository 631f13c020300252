public import Ledger

/// What became of one approved bank match, in the order the matches were given.
public enum BankReconciliationOutcome: Sendable, Hashable, Codable {
    /// Closer wrote the match to Odoo; the state is what Odoo shows afterwards.
    case applied(BankReconciliationState)
    /// Nothing was written: the statement line was already matched, by an earlier run of this same
    /// proposal (`byThisProposal`) or by someone else in Odoo.
    case alreadyReconciled(BankReconciliationState)
    /// Not applied, or not completely; `reason` says why and what to do.
    case failed(BankReconciliationFailure)

    public var idempotencyKey: String {
        switch self {
        case .applied(let state), .alreadyReconciled(let state): state.idempotencyKey
        case .failed(let failure): failure.idempotencyKey
        }
    }

    public var state: BankReconciliationState? {
        switch self {
        case .applied(let state), .alreadyReconciled(let state): state
        case .failed: nil
        }
    }
}

/// The statement line and its open items as Odoo shows them after the match.
public struct BankReconciliationState: Sendable, Hashable, Codable {
    public var idempotencyKey: String
    public var statementLineID: Int
    /// account.bank.statement.line `is_reconciled`.
    public var isReconciled: Bool
    /// account.bank.statement.line `amount_residual` (transaction currency): what is still unmatched.
    public var statementResidual: Money
    public var openItems: [OpenItemBalance]
    /// The statement entry's items that now carry the match (receivable, payable, transfer, write-off).
    public var counterpartLineIDs: [Int]
    /// The write-off journal item, when one was booked.
    public var writeOffLineID: Int?
    /// True when every open item of the proposal is matched with this statement line's entry.
    public var byThisProposal: Bool
}

/// One open item after the match.
public struct OpenItemBalance: Sendable, Hashable, Codable {
    public var lineID: Int
    /// The item's entry, e.g. INV/2026/00012.
    public var moveName: String
    /// amount_residual (company currency).
    public var residual: Money
    /// amount_residual_currency (the item's currency).
    public var residualInCurrency: Money
    public var reconciled: Bool
    public var matchingNumber: String?
}

public struct BankReconciliationFailure: Sendable, Hashable, Codable, CustomStringConvertible {
    public var idempotencyKey: String
    public var statementLineID: Int
    /// A sentence naming the record, Odoo's error text where there is one, and what to do.
    public var reason: String
    /// False when Closer refused or failed before writing anything for this match; true when part
    /// of it reached Odoo (the reason says which part; running the same proposal again finishes it).
    public var wroteToOdoo: Bool

    public init(idempotencyKey: String, statementLineID: Int, reason: String, wroteToOdoo: Bool) {
        self.idempotencyKey = idempotencyKey
        self.statementLineID = statementLineID
        self.reason = reason
        self.wroteToOdoo = wroteToOdoo
    }

    public var description: String { reason }
}
