/// The bank journal a group of payments leaves from, as the payment file names it: the company's own account.
public struct PaymentJournal: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    /// The company that holds the account: the debtor and the initiating party of the file.
    public var holder: String
    /// The company's account number on the journal (`bank_account_id`), nil when the journal has none.
    public var accountNumber: String?
    public var bic: String?

    public init(id: Int, name: String, holder: String, accountNumber: String? = nil, bic: String? = nil) {
        self.id = id
        self.name = name
        self.holder = holder
        self.accountNumber = accountNumber
        self.bic = bic
    }
}
