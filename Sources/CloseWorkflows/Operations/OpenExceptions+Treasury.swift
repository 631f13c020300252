import CloseStore
import Governance
import Ledger
import Treasury

extension OpenExceptions {
    /// Vendors' bank accounts changed and not verified since by someone other than the changers (payments to them are
    /// held), runs proposed and waiting for approval, and runs approved whose payments are not all in Odoo yet.
    func treasury() throws -> [BusinessException] {
        var found: [BusinessException] = []
        let runs = try store.paymentRuns(statuses: [.proposed, .approved])
        for source in Set(try store.bankDetailChangeSources() + runs.map(\.sourceKey)).sorted() {
            let verifications = Dictionary(grouping: try store.bankVerifications(sourceKey: source), by: \.accountID)
            for (accountID, changes) in Dictionary(grouping: try store.bankDetailChanges(sourceKey: source), by: \.accountID) {
                guard let (change, _) = changes.unverifiedChange(verifications[accountID] ?? []) else { continue }
                let account = change.detail.map { "bank account \($0)" } ?? "bank account \(accountID)"
                found.append(exception(.treasury, "bank-change-unverified", source: source, subject: "\(account) of partner \(change.partnerID)",
                                       reason: "\(change.kind.words) on \(change.at.date) by \(change.by): payments to the vendor wait until a second person "
                                           + "records verifying it with the vendor (`closer payments verify`)",
                                       record: RecordRef(model: "res.partner.bank", id: accountID, name: change.detail ?? ""),
                                       openedAt: change.at.description))
            }
        }
        for run in runs {
            let payments = run.proposal.groups.reduce(0) { $0 + $1.payments.count }
            if run.status == .proposed {
                found.append(exception(.treasury, "payment-run-waiting", source: run.sourceKey, subject: "payment run \(run.reference)",
                                       reason: "\(payments) payment(s) for \(run.proposal.executionDate) wait for a second person's approval",
                                       record: nil, openedAt: run.proposed.at))
            } else if let approved = run.approved {
                found.append(exception(.treasury, "payment-run-unpaid", source: run.sourceKey, subject: "payment run \(run.reference)",
                                       reason: "approved, \(run.unpaid.count) of \(payments) payment(s) not created in Odoo yet: approve again to finish",
                                       record: nil, openedAt: approved.at))
            }
        }
        return found
    }
}
