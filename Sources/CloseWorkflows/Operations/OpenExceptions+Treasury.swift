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
        // A cool-off of 0: what waits on a person, not on the calendar.
        for held in try HeldBankAccounts(store: store, coolOffDays: 0).list(asOf: .todayUTC()) where held.unverified {
            let account = held.detail.map { "bank account \($0)" } ?? "bank account \(held.accountID)"
            found.append(exception(.treasury, "bank-change-unverified", source: held.sourceKey,
                                   subject: "\(account) of \(held.vendor ?? "partner \(held.partnerID)")",
                                   reason: "\(held.changeWords) on \(held.changedAt.prefix(10)) by \(held.changedBy.joined(separator: ", ")): payments to the "
                                       + "vendor wait until \(held.releasedBy)",
                                   record: RecordRef(model: "res.partner.bank", id: held.accountID, name: held.detail ?? ""), openedAt: held.changedAt))
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
