/// A general ledger account (account.account).
public struct Account: Hashable, Sendable, Codable, Identifiable {
    public var id: Int
    public var code: String
    public var name: String
    public var type: AccountType
    /// Whether Odoo tracks open items on it (receivables, payables, suspense, clearing).
    public var reconcile: Bool

    public init(id: Int, code: String, name: String, type: AccountType, reconcile: Bool = false) {
        self.id = id
        self.code = code
        self.name = name
        self.type = type
        self.reconcile = reconcile
    }

    public var displayName: String { "\(code) \(name)" }
}

/// A journal (account.journal).
public struct Journal: Hashable, Sendable, Codable, Identifiable {
    public var id: Int
    public var code: String
    public var name: String
    public var type: JournalType
    public var defaultAccountID: Int?
    /// The journal's own currency when it differs from the company's (a USD bank account in a EUR company).
    public var currencyID: Int?

    public init(id: Int, code: String, name: String, type: JournalType, defaultAccountID: Int? = nil, currencyID: Int? = nil) {
        self.id = id
        self.code = code
        self.name = name
        self.type = type
        self.defaultAccountID = defaultAccountID
        self.currencyID = currencyID
    }
}

/// A customer, vendor or employee (res.partner).
public struct Partner: Hashable, Sendable, Codable, Identifiable {
    public var id: Int
    public var name: String
    /// Bank account numbers (IBANs) known for the partner (res.partner.bank.acc_number).
    public var bankAccounts: [String]
    public var isCompany: Bool

    public init(id: Int, name: String, bankAccounts: [String] = [], isCompany: Bool = true) {
        self.id = id
        self.name = name
        self.bankAccounts = bankAccounts
        self.isCompany = isCompany
    }
}
