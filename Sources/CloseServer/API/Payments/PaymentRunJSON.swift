import Ledger
import CloseStore
import Treasury

/// A payment run as the API and its clients read it: each step's who and when, the groups with their payments
/// (amounts as exact decimal text), the bills left out with their reasons in words, and how many pain.001 files
/// the run gives once approved.
struct PaymentRunJSON: Encodable, Sendable {
    struct Group: Encodable, Sendable {
        var journalID: Int
        var journal: String
        var currency: String
        var total: String
        var balanceBefore: String?
        var balanceAfter: String?
        var payments: [Payment]
    }

    struct Payment: Encodable, Sendable {
        var billID: Int
        var bill: String
        var vendorID: Int
        var vendor: String
        var reference: String
        var dueDate: String
        var amount: String
        var currency: String
        var iban: String
        var discountTaken: Bool
        /// Odoo's payment, once created.
        var odooPayment: String?
    }

    struct LeftOut: Encodable, Sendable {
        var billID: Int
        var bill: String
        var vendor: String
        var amount: String
        var currency: String
        var reasons: [String]
    }

    var id: Int64
    var reference: String
    var sourceKey: String
    var status: String
    var executionDate: String
    var payBy: String
    var proposed: PaymentRun.Step
    var approved: PaymentRun.Step?
    var closed: PaymentRun.Step?
    var groups: [Group]
    var leftOut: [LeftOut]
    var notDue: Int
    /// The pain.001 files `GET /api/v1/payments/runs/{id}/pain001?file=N` serves, numbered from 1; 0 until approved.
    var files: Int

    init(_ run: PaymentRun) {
        let created = Dictionary(run.payments.compactMap { payment in payment.odooPaymentName.map { (payment.billID, $0) } }) { first, _ in first }
        id = run.id
        reference = run.reference
        sourceKey = run.sourceKey.text
        status = run.status.rawValue
        executionDate = run.proposal.executionDate.description
        payBy = run.proposal.payBy.description
        proposed = run.proposed
        approved = run.approved
        closed = run.closed
        let paying = run.proposal.groups.filter { !$0.payments.isEmpty }
        groups = paying.map { group in
            Group(journalID: group.journalID, journal: group.journal?.name ?? "journal \(group.journalID)", currency: "\(group.currency)",
                  total: group.total.decimalText, balanceBefore: group.balanceBefore?.decimalText, balanceAfter: group.balanceAfter?.decimalText,
                  payments: group.payments.map { payment in
                      let bill = payment.candidate
                      return Payment(billID: bill.billID, bill: bill.billName, vendorID: bill.vendorID, vendor: bill.vendorName, reference: bill.reference,
                                     dueDate: bill.dueDate.description, amount: payment.amount.decimalText, currency: "\(payment.amount.currency)",
                                     iban: payment.iban.description, discountTaken: payment.discountTaken, odooPayment: created[bill.billID])
                  })
        }
        leftOut = run.proposal.leftOut.map { bill in
            LeftOut(billID: bill.candidate.billID, bill: bill.candidate.billName, vendor: bill.candidate.vendorName,
                    amount: bill.candidate.amount.decimalText, currency: "\(bill.candidate.amount.currency)", reasons: bill.issues.map(\.description))
        }
        notDue = run.proposal.notDue
        files = run.status == .approved || run.status == .paid ? paying.count : 0
    }
}
