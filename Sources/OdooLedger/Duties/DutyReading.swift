public import Duties
public import Ledger

/// What Odoo holds for the duties analysis: its people with the duties their groups give them, and the acts of
/// the company's vendors' records, bills and payments; whether Odoo's tracking could be read (else acts rest on
/// who created or last wrote a record).
public struct DutyReading: Sendable {
    public var people: [DutyPerson]
    public var acts: [DutyAct]
    public var trackingRead: Bool
    /// The vendor of each bill read (posted ones, and those asked for by id whatever their state), by bill id.
    public var billVendors: [Int: BillOfVendor]

    public init(people: [DutyPerson], acts: [DutyAct], trackingRead: Bool, billVendors: [Int: BillOfVendor] = [:]) {
        self.people = people
        self.acts = acts
        self.trackingRead = trackingRead
        self.billVendors = billVendors
    }
}

/// A vendor bill and its vendor (the commercial partner), as records.
public struct BillOfVendor: Sendable, Hashable {
    public var bill: RecordRef
    public var vendor: RecordRef

    public init(bill: RecordRef, vendor: RecordRef) {
        self.bill = bill
        self.vendor = vendor
    }
}
