/// A bank statement line (account.bank.statement.line): money that moved on a bank account.
/// `amount` is in the journal's currency; `foreignAmount` is set when the bank converted.
public struct StatementLine: Hashable, Sendable, Codable, Identifiable {
    public var id: Int
    public var moveID: Int
    public var journalID: Int
    public var date: LocalDate
    public var paymentRef: String?
    public var partnerID: Int?
    /// The counterpart's name as the bank reported it, which may differ from the partner's name.
    public var partnerName: String?
    public var accountNumber: String?
    public var amount: Money
    public var foreignAmount: Money?
    public var isReconciled: Bool
    public var amountResidual: Money?

    public init(id: Int, moveID: Int, journalID: Int, date: LocalDate, paymentRef: String? = nil, partnerID: Int? = nil,
                partnerName: String? = nil, accountNumber: String? = nil, amount: Money, foreignAmount: Money? = nil,
                isReconciled: Bool = false, amountResidual: Money? = nil) {
        self.id = id
        self.moveID = moveID
        self.journalID = journalID
        self.date = date
        self.paymentRef = paymentRef
        self.partnerID = partnerID
        self.partnerName = partnerName
        self.accountNumber = accountNumber
        self.amount = amount
        self.foreignAmount = foreignAmount
        self.isReconciled = isReconciled
        self.amountResidual = amountResidual
    }
}
