public import Ledger

/// One measure between an ordered pair of members over one scope: the seller's side, the buyer's
/// mirror image, and the documents that explain any difference.
public struct IntercompanyComparison: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable, Hashable {
        case matched
        case mismatched
        /// The members keep their books in different currencies: shown side by side, not compared.
        case currenciesDiffer = "currencies-differ"
        /// One side's books have no partner for the other company.
        case partnerUnmapped = "partner-unmapped"
    }

    public var sellerKey: SourceKey
    public var buyerKey: SourceKey
    /// "Northwind Robotics Inc. → Northwind Components Ltd".
    public var pair: String
    public var measure: IntercompanyMeasure
    public var scope: IntercompanyScope
    /// In the seller's currency; nil when its books have no partner for the buyer.
    public var sellerAmount: Money?
    /// In the buyer's currency; nil when its books have no partner for the seller.
    public var buyerAmount: Money?
    public var status: Status
    /// Seller minus buyer, when both are in one currency.
    public var difference: Money?
    /// Each explains part of the difference; together they add up to it.
    public var explanations: [IntercompanyDifference]

    public init(sellerKey: SourceKey, buyerKey: SourceKey, pair: String, measure: IntercompanyMeasure, scope: IntercompanyScope,
                sellerAmount: Money?, buyerAmount: Money?, status: Status, difference: Money?, explanations: [IntercompanyDifference]) {
        self.sellerKey = sellerKey
        self.buyerKey = buyerKey
        self.pair = pair
        self.measure = measure
        self.scope = scope
        self.sellerAmount = sellerAmount
        self.buyerAmount = buyerAmount
        self.status = status
        self.difference = difference
        self.explanations = explanations
    }

    /// The amount both sides agree on (the lower magnitude), when they are in one currency and both mapped.
    public var agreedAmount: Money? {
        guard let sellerAmount, let buyerAmount, sellerAmount.currency == buyerAmount.currency else { return nil }
        guard sellerAmount.isNegative == buyerAmount.isNegative else { return sellerAmount.currencyZero }
        return sellerAmount.magnitude < buyerAmount.magnitude ? sellerAmount : buyerAmount
    }
}

/// A document (or its absence) that accounts for part of an intercompany difference.
public struct IntercompanyDifference: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        /// The seller booked it; the buyer has no counterpart at all.
        case missingAtBuyer = "missing-at-buyer"
        /// The buyer booked it; the seller has no counterpart at all.
        case missingAtSeller = "missing-at-seller"
        /// Both booked it, for different amounts.
        case amountsDiffer = "amounts-differ"
        /// Both booked it, but one of them outside the compared dates (goods or invoices in transit).
        case timing
    }

    public var kind: Kind
    public var sellerDocument: IntercompanyDocument?
    public var buyerDocument: IntercompanyDocument?
    /// The part of the difference this explains: seller minus buyer, in the members' currency.
    public var amount: Money
    public var message: String

    public init(kind: Kind, sellerDocument: IntercompanyDocument?, buyerDocument: IntercompanyDocument?, amount: Money, message: String) {
        self.kind = kind
        self.sellerDocument = sellerDocument
        self.buyerDocument = buyerDocument
        self.amount = amount
        self.message = message
    }
}

/// An entry's part in an intercompany measure on one side, in its natural direction (an invoice
/// raises the seller's receivable, a payment lowers it).
public struct IntercompanyDocument: Sendable, Codable, Hashable {
    public var move: RecordRef
    public var ref: String?
    public var date: LocalDate
    public var amount: Money

    public init(move: RecordRef, ref: String?, date: LocalDate, amount: Money) {
        self.move = move
        self.ref = ref
        self.date = date
        self.amount = amount
    }
}
