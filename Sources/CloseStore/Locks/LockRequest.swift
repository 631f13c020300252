public import Ledger

/// A request to lock a period in Odoo. `refused`: the gate had blockers when it was asked;
/// `requested`: waiting for a controller; `verified`: Odoo was written and read back holding the
/// lock dates; `failed`: Odoo refused, or did not hold them when read back.
public struct LockRequest: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable {
        case refused, requested, verified, failed
    }

    public var id: Int64
    public var period: Period
    public var fields: [LockDateField]
    public var status: Status
    /// The gate's blockers when last evaluated (empty when it was clear), one sentence each.
    public var blockers: [String]
    public var requestedBy: String
    public var approvedBy: String?
    public var detail: String?

    public init(id: Int64, period: Period, fields: [LockDateField], status: Status, blockers: [String], requestedBy: String,
                approvedBy: String? = nil, detail: String? = nil) {
        self.id = id
        self.period = period
        self.fields = fields
        self.status = status
        self.blockers = blockers
        self.requestedBy = requestedBy
        self.approvedBy = approvedBy
        self.detail = detail
    }
}
