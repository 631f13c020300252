public import Ledger

/// Compares every ordered pair of members, as of a period end: the seller's receivable from the
/// buyer against the buyer's payable to the seller, and the seller's revenue from the buyer against
/// the buyer's expense from the seller (for the period and the year to date), and explains each
/// difference with the documents behind it.
public struct IntercompanyMatcher: Sendable {
    public var group: IntercompanyGroup

    public init(group: IntercompanyGroup) { self.group = group }

    public func match(period: Period) -> IntercompanyMatch {
        let members = group.members
        var links: [SourceKey: [SourceKey: IntercompanyPartnerLink]] = [:]
        for holder in members {
            for other in members where other.key != holder.key {
                links[holder.key, default: [:]][other.key] = IntercompanyPartnerLink.resolve(holder: holder, other: other)
            }
        }
        let books = Dictionary(members.map { member in
            let partners = links[member.key, default: [:]].values.reduce(into: Set<Int>()) { $0.formUnion($1.partnerIDs) }
            return (member.key, IntercompanyBook(member: member, partners: partners))
        }, uniquingKeysWith: { first, _ in first })

        var comparisons: [IntercompanyComparison] = []
        var notes: [String] = []
        for seller in members {
            for buyer in members where buyer.key != seller.key {
                let sellerLink = links[seller.key]![buyer.key]!, buyerLink = links[buyer.key]![seller.key]!
                // Neither knows the other as a partner: these two do not trade.
                if sellerLink.basis == .unmapped && buyerLink.basis == .unmapped { continue }
                for measure in IntercompanyMeasure.allCases {
                    let sellerDocuments = sellerLink.basis == .unmapped ? nil
                        : books[seller.key]!.documents(partners: sellerLink.partnerIDs, measure: measure, side: .seller)
                    let buyerDocuments = buyerLink.basis == .unmapped ? nil
                        : books[buyer.key]!.documents(partners: buyerLink.partnerIDs, measure: measure, side: .buyer)
                    if (sellerDocuments ?? []).isEmpty && (buyerDocuments ?? []).isEmpty { continue }
                    comparisons += compare(seller: seller, buyer: buyer, measure: measure, period: period,
                                           sellerDocuments: sellerDocuments, buyerDocuments: buyerDocuments)
                }
            }
        }
        for holder in members {
            for other in members where other.key != holder.key && links[holder.key]![other.key]!.basis == .unmapped
                && links[other.key]![holder.key]!.basis != .unmapped {
                notes.append("No partner in \(holder.name)'s books is named \(other.name), so its side of their trade reads as nothing: "
                             + "map the partner that stands for \(other.name) explicitly.")
            }
        }
        for (index, first) in members.enumerated() {
            for second in members[(index + 1)...] where first.currency.code != second.currency.code {
                notes.append("\(first.name) keeps its books in \(first.currency.code) and \(second.name) in \(second.currency.code): "
                             + "their amounts are shown side by side, not compared or eliminated (no currency translation).")
            }
        }
        let allLinks = members.flatMap { holder in members.compactMap { links[holder.key]?[$0.key] } }
        return IntercompanyMatch(period: period, comparisons: comparisons, partnerLinks: allLinks, notes: notes)
    }

    private func compare(seller: IntercompanyMember, buyer: IntercompanyMember, measure: IntercompanyMeasure, period: Period,
                         sellerDocuments: [IntercompanyDocument]?, buyerDocuments: [IntercompanyDocument]?) -> [IntercompanyComparison] {
        let sameCurrency = seller.currency.code == buyer.currency.code && seller.currency.decimalPlaces == buyer.currency.decimalPlaces
        let pairing = sameCurrency ? sellerDocuments.flatMap { sellerDocuments in buyerDocuments.map { buyerDocuments in
            IntercompanyDocumentPairing(seller: sellerDocuments, buyer: buyerDocuments, amountPairingDays: group.rules.amountPairingDays)
        } } : nil
        let explainer = IntercompanyExplainer(sellerName: seller.name, buyerName: buyer.name)
        return measure.scopes.map { scope in
            let range = scope.range(of: period, company: seller.snapshot.company)
            func total(_ documents: [IntercompanyDocument]?, _ currency: Currency) -> Money? {
                documents.map { $0.filter { range.contains($0.date) }.reduce(currency.zero) { $0 + $1.amount } }
            }
            let sellerAmount = total(sellerDocuments, seller.currency), buyerAmount = total(buyerDocuments, buyer.currency)
            var difference: Money?
            let status: IntercompanyComparison.Status
            if sellerAmount == nil || buyerAmount == nil {
                status = .partnerUnmapped
            } else if let sellerAmount, let buyerAmount, pairing != nil {
                difference = sellerAmount - buyerAmount
                status = difference!.minorUnits == 0 ? .matched : .mismatched
            } else {
                status = .currenciesDiffer
            }
            return IntercompanyComparison(
                sellerKey: seller.key, buyerKey: buyer.key, pair: "\(seller.name) → \(buyer.name)", measure: measure, scope: scope,
                sellerAmount: sellerAmount, buyerAmount: buyerAmount, status: status, difference: difference,
                explanations: pairing.map { explainer.explain($0, within: range, currency: seller.currency) } ?? [])
        }
    }
}

/// What the matcher found for a period.
public struct IntercompanyMatch: Sendable, Codable {
    public var period: Period
    public var comparisons: [IntercompanyComparison]
    /// For each member, the partners that stand for each other member in its books.
    public var partnerLinks: [IntercompanyPartnerLink]
    public var notes: [String]

    public init(period: Period, comparisons: [IntercompanyComparison], partnerLinks: [IntercompanyPartnerLink], notes: [String]) {
        self.period = period
        self.comparisons = comparisons
        self.partnerLinks = partnerLinks
        self.notes = notes
    }

    /// The comparisons whose sides do not agree.
    public var mismatches: [IntercompanyComparison] { comparisons.filter { $0.status == .mismatched } }
}
