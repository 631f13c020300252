public import CloseStore
public import Ledger
import BankMatching

/// Where the period's bank statement lines stand: reconciled in Odoo, or with Closer's match proposal
/// waiting, approved or applied, or unmatched. Each line counts once, under its latest proposal.
public struct ReconciliationSummary: Sendable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Reconciled in Odoo (by hand or by an earlier run) with no live proposal of Closer's.
        case matched
        /// A match proposal waits for review.
        case proposed
        /// Approved, not yet written to Odoo.
        case approved
        /// Written to Odoo by Closer.
        case applied
        /// Neither reconciled nor matched: rejected, failed, nothing to propose, or never proposed.
        case unmatched

        public var title: String {
            switch self {
            case .matched: "Reconciled in Odoo"
            case .proposed: "Proposed, waiting for review"
            case .approved: "Approved, not yet applied"
            case .applied: "Applied by Closer"
            case .unmatched: "Unmatched"
            }
        }
    }

    public struct Bucket: Sendable, Codable {
        public var status: Status
        public var lines: Int
        /// Net amount of the lines (receipts positive, payments negative), per statement currency.
        public var amounts: [Money]
    }

    public var statementLines: Int
    /// Every status, in `Status.allCases` order, empty ones included so reports line up month to month.
    public var buckets: [Bucket]

    /// `statementLines`: the period's; `proposals`: any stored ones, superseded ones ignored.
    public init(statementLines: [StatementLine], proposals: [StoredMatchProposal]) {
        var latest: [Int: StoredMatchProposal] = [:]
        for stored in proposals where stored.status != .superseded {
            if stored.id > latest[stored.proposal.statementLineID]?.id ?? 0 { latest[stored.proposal.statementLineID] = stored }
        }
        var grouped: [Status: (lines: Int, amounts: MoneyTotals)] = [:]
        for line in statementLines {
            let status = Self.status(of: line, latest[line.id])
            grouped[status, default: (0, MoneyTotals())].lines += 1
            grouped[status]!.amounts.add(line.amount)
        }
        self.statementLines = statementLines.count
        buckets = Status.allCases.map { Bucket(status: $0, lines: grouped[$0]?.lines ?? 0, amounts: grouped[$0]?.amounts.amounts ?? []) }
    }

    public func bucket(_ status: Status) -> Bucket { buckets.first { $0.status == status }! }

    /// "180 of 249 matched in Odoo; 69 proposed, 0 with nothing": a proposal, even an approved one, is
    /// no match until Odoo holds it, so a headline counting only `unmatched` read "0 of 249" with 69 open.
    public var headline: String {
        let inOdoo = bucket(.matched).lines + bucket(.applied).lines
        let waiting = bucket(.proposed).lines + bucket(.approved).lines
        return "\(inOdoo) of \(statementLines) matched in Odoo; \(waiting) proposed, \(bucket(.unmatched).lines) with nothing"
    }

    static func status(of line: StatementLine, _ proposal: StoredMatchProposal?) -> Status {
        switch proposal?.status {
        case .applied: .applied
        case .approved: .approved
        case .proposed where proposal?.proposal.best != nil: .proposed
        default: line.isReconciled ? .matched : .unmatched
        }
    }
}
