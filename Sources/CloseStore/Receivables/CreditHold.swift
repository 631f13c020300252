public import Ledger
public import Receivables

/// A customer's credit hold as the store keeps it: why it was proposed, each step's who and when, where the
/// block stands in Odoo, and the sales warning the customer had before (what a release puts back).
public struct CreditHold: Sendable, Codable, Equatable {
    public var id: Int64
    public var sourceKey: SourceKey
    public var partnerID: Int
    public var partnerName: String
    public var status: CreditHoldStatus
    /// Exposure, limit (nil: none) and seriously overdue amount when proposed, decimal text in `currency`.
    public var exposure: String
    public var limit: String?
    public var seriouslyOverdue: String
    public var currency: String
    public var reasons: [String]
    public var proposed: Step
    public var approved: Step?
    public var applied: Step?
    /// Released or rejected: by whom, when and why.
    public var closed: Step?
    public var odooBlock: OdooBlock?
    public var previousWarning: SaleWarning?

    public init(id: Int64, sourceKey: SourceKey, partnerID: Int, partnerName: String, status: CreditHoldStatus, exposure: String, limit: String?,
                seriouslyOverdue: String, currency: String, reasons: [String], proposed: Step, approved: Step? = nil, applied: Step? = nil,
                closed: Step? = nil, odooBlock: OdooBlock? = nil, previousWarning: SaleWarning? = nil) {
        self.id = id
        self.sourceKey = sourceKey
        self.partnerID = partnerID
        self.partnerName = partnerName
        self.status = status
        self.exposure = exposure
        self.limit = limit
        self.seriouslyOverdue = seriouslyOverdue
        self.currency = currency
        self.reasons = reasons
        self.proposed = proposed
        self.approved = approved
        self.applied = applied
        self.closed = closed
        self.odooBlock = odooBlock
        self.previousWarning = previousWarning
    }

    public struct Step: Sendable, Codable, Equatable {
        public var by: String
        public var at: String
        public var reason: String?
    }

    /// Where Closer's block stands in Odoo: claimed before it is written (it may be there after a lost answer),
    /// set once seen there, lifting once the hold is released and the previous warning is to be put back, lifted after.
    public enum OdooBlock: String, Sendable, Codable { case claimed, set, lifting, lifted }

    public var title: String { "credit hold #\(id) on \(partnerName)" }

    /// The steps taken so far, named, in order: what the queue shows.
    public var steps: [(name: String, step: Step)] {
        [("proposed", proposed), ("approved", approved), ("applied", applied), (status == .rejected ? "rejected" : "released", closed)]
            .compactMap { name, step in step.map { (name, $0) } }
    }
}
