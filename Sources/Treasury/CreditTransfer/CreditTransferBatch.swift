public import Ledger

/// One payment instruction to the bank: from one account, on one day, in one currency, a transfer per bill.
/// What `Pain001Document` writes as an ISO 20022 customer credit transfer initiation (pain.001).
public struct CreditTransferBatch: Sendable, Hashable {
    /// The file's id at the bank (at most 35 characters): Closer's run id, so a file sent twice is recognised.
    public var messageID: String
    public var createdAt: Timestamp
    /// The company sending the file.
    public var initiatingParty: String
    public var debtor: PaymentAccount
    public var executionDate: LocalDate
    public var transfers: [CreditTransfer]

    public init(messageID: String, createdAt: Timestamp, initiatingParty: String, debtor: PaymentAccount, executionDate: LocalDate,
                transfers: [CreditTransfer]) {
        self.messageID = messageID
        self.createdAt = createdAt
        self.initiatingParty = initiatingParty
        self.debtor = debtor
        self.executionDate = executionDate
        self.transfers = transfers
    }
}

/// A holder and the account money leaves or reaches.
public struct PaymentAccount: Sendable, Hashable, Codable {
    public var holder: String
    public var iban: IBAN
    /// Optional inside SEPA (the IBAN finds the bank); needed by many banks outside it.
    public var bic: BIC?

    public init(holder: String, iban: IBAN, bic: BIC? = nil) {
        self.holder = holder
        self.iban = iban
        self.bic = bic
    }
}

/// One transfer: to whom, how much, and the words the vendor sees (the bill's reference).
public struct CreditTransfer: Sendable, Hashable, Codable {
    /// Carried unchanged to the vendor's bank and back on the statement (at most 35 characters): how the payment is found again.
    public var endToEndID: String
    public var amount: Money
    public var creditor: PaymentAccount
    public var remittance: String

    public init(endToEndID: String, amount: Money, creditor: PaymentAccount, remittance: String) {
        self.endToEndID = endToEndID
        self.amount = amount
        self.creditor = creditor
        self.remittance = remittance
    }
}
