/// A journal entry, invoice, bill or payment (account.move). Amounts are in the company currency
/// except `amountTotalInCurrency`, which is in the move's own currency.
public struct Move: Hashable, Sendable, Codable, Identifiable {
    public var id: Int
    public var name: String
    public var state: MoveState
    public var type: MoveType
    public var date: LocalDate
    public var invoiceDate: LocalDate?
    public var dueDate: LocalDate?
    public var journalID: Int
    public var partnerID: Int?
    public var ref: String?
    public var currencyID: Int
    public var amountTotal: Money
    public var amountTotalInCurrency: Money
    public var amountResidual: Money
    public var paymentState: PaymentState?
    public var audit: RecordAudit

    public init(id: Int, name: String, state: MoveState, type: MoveType, date: LocalDate, invoiceDate: LocalDate? = nil,
                dueDate: LocalDate? = nil, journalID: Int, partnerID: Int? = nil, ref: String? = nil, currencyID: Int,
                amountTotal: Money, amountTotalInCurrency: Money? = nil, amountResidual: Money,
                paymentState: PaymentState? = nil, audit: RecordAudit) {
        self.id = id
        self.name = name
        self.state = state
        self.type = type
        self.date = date
        self.invoiceDate = invoiceDate
        self.dueDate = dueDate
        self.journalID = journalID
        self.partnerID = partnerID
        self.ref = ref
        self.currencyID = currencyID
        self.amountTotal = amountTotal
        self.amountTotalInCurrency = amountTotalInCurrency ?? amountTotal
        self.amountResidual = amountResidual
        self.paymentState = paymentState
        self.audit = audit
    }
}

/// Who created and last wrote a record, and when (create_uid/create_date/write_uid/write_date).
public struct RecordAudit: Hashable, Sendable, Codable {
    public var createdBy: UserRef?
    public var createdAt: Timestamp
    public var writtenBy: UserRef?
    public var writtenAt: Timestamp

    public init(createdBy: UserRef?, createdAt: Timestamp, writtenBy: UserRef?, writtenAt: Timestamp) {
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.writtenBy = writtenBy
        self.writtenAt = writtenAt
    }
}

/// An Odoo user as a many2one shows it.
public struct UserRef: Hashable, Sendable, Codable {
    public var id: Int
    public var name: String

    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}
