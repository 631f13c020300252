import Adjustments
import BankMatching
import Crypto
import Foundation
import Governance
public import Ledger

extension AppDatabase {
    /// The period's adjusting entries and bank matches waiting for review that a person could approve (a bank
    /// line without a candidate can only be rejected), each with the approvals of its current version.
    public func waitingReviews(sourceKey: SourceKey, period: Period) throws -> [WaitingReview] {
        try writer.read { db in
            let company = try Self.companyRowID(sourceKey, db)
            var waiting: [WaitingReview] = []
            for row in try StoreRow.fetchAll(db, sql: "SELECT * FROM adjustment_proposal WHERE company_id = ? AND period = ? AND status = 'proposed' ORDER BY id",
                                        arguments: [company, period.description]) {
                let stored = try Self.storedAdjustment(row)
                let ref = ProposalRef(.adjustment, stored.id)
                waiting.append(WaitingReview(proposal: ref, kind: stored.proposal.kind.rawValue, amount: stored.proposal.entry.total,
                                             preparedBy: stored.preparedBy, evidenceSHA256: stored.evidenceSHA256,
                                             approvals: try Self.approvals(of: ref, db).filter { $0.evidenceSHA256 == stored.evidenceSHA256 },
                                             summary: "\(stored.proposal.kind.rawValue) \(stored.proposal.entry.ref)"))
            }
            for row in try StoreRow.fetchAll(db, sql: "SELECT * FROM match_proposal WHERE company_id = ? AND period = ? AND status = 'proposed' ORDER BY id",
                                        arguments: [company, period.description]) {
                let stored = try Self.storedMatchProposal(row)
                guard let best = stored.proposal.best else { continue }
                let text: String = row["proposal"]
                let ref = ProposalRef(.bankMatch, stored.id)
                let evidence = SHA256.hex(text)
                waiting.append(WaitingReview(proposal: ref, kind: ApprovalPolicy.bankMatchKind, amount: stored.proposal.amount,
                                             preparedBy: stored.preparedBy, evidenceSHA256: evidence,
                                             approvals: try Self.approvals(of: ref, db).filter { $0.evidenceSHA256 == evidence },
                                             summary: "statement line \(stored.proposal.statementLineID) with " + best.documents.joined(separator: ", ")))
            }
            return waiting
        }
    }
}
