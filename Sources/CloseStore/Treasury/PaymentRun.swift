public import Ledger
public import Treasury

/// A payment run as the store keeps it: the proposal exactly as it was approved, each step's who and when, and
/// each payment's state in Odoo (claimed before Odoo is asked, created once Odoo answered or was found to have it).
public struct PaymentRun: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case proposed, approved, paid, rejected, superseded
    }

    public struct Step: Sendable, Codable, Equatable {
        public var by: String
        public var at: String
        public var reason: String?
    }

    /// One bill's payment in Odoo.
    public struct Payment: Sendable, Codable, Equatable {
        public var billID: Int
        public var claimedAt: String
        public var odooPaymentID: Int?
        public var odooPaymentName: String?
    }

    public var id: Int64
    public var sourceKey: SourceKey
    public var status: Status
    public var proposal: PaymentRunProposal
    public var proposed: Step
    public var approved: Step?
    /// Rejected or superseded: by whom, when and why.
    public var closed: Step?
    public var payments: [Payment]

    /// The id banks and Odoo see: at most 35 characters, the same for every file of the run.
    public var reference: String { "CLOSER-RUN-\(id)" }

    /// The payments still to create in Odoo.
    public var unpaid: [ProposedPayment] {
        let created = Set(payments.filter { $0.odooPaymentID != nil }.map(\.billID))
        return proposal.groups.flatMap(\.payments).filter { !created.contains($0.candidate.billID) }
    }
}
