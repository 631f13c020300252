/// One line of a journal entry (account.move.line). `debit`, `credit` and `amountResidual` are in
/// the company currency; `amountCurrency` is in the line's own currency (`currencyID`).
public struct JournalLine: Hashable, Sendable, Codable, Identifiable {
    public var id: Int
    public var moveID: Int
    public var date: LocalDate
    public var accountID: Int
    public var partnerID: Int?
    public var label: String
    public var debit: Money
    public var credit: Money
    public var amountCurrency: Money
    public var currencyID: Int
    public var analytic: AnalyticDistribution?
    public var taxIDs: [Int]
    public var reconciled: Bool
    public var amountResidual: Money
    public var matchingNumber: String?
    public var kind: LineKind?

    public init(id: Int, moveID: Int, date: LocalDate, accountID: Int, partnerID: Int? = nil, label: String,
                debit: Money, credit: Money, amountCurrency: Money? = nil, currencyID: Int,
                analytic: AnalyticDistribution? = nil, taxIDs: [Int] = [], reconciled: Bool = false,
                amountResidual: Money? = nil, matchingNumber: String? = nil, kind: LineKind? = nil) {
        self.id = id
        self.moveID = moveID
        self.date = date
        self.accountID = accountID
        self.partnerID = partnerID
        self.label = label
        self.debit = debit
        self.credit = credit
        self.amountCurrency = amountCurrency ?? debit - credit
        self.currencyID = currencyID
        self.analytic = analytic
        self.taxIDs = taxIDs
        self.reconciled = reconciled
        self.amountResidual = amountResidual ?? .zero(debit.currency, scale: debit.scale)
        self.matchingNumber = matchingNumber
        self.kind = kind
    }

    /// Debit minus credit, in the company currency.
    public var balance: Money { debit - credit }
}
