import Ledger

/// Turns paired documents into the differences they cause within a range of dates; every
/// document contributes its part once, so the parts add up to the difference of the totals.
struct IntercompanyExplainer {
    let sellerName: String
    let buyerName: String

    func explain(_ pairing: IntercompanyDocumentPairing, within range: DateRange, currency: Currency) -> [IntercompanyDifference] {
        var differences: [IntercompanyDifference] = []
        for (seller, buyer) in pairing.pairs {
            let sellerIn = range.contains(seller.date), buyerIn = range.contains(buyer.date)
            let part = (sellerIn ? seller.amount : currency.zero) - (buyerIn ? buyer.amount : currency.zero)
            guard !part.isZero else { continue }
            if sellerIn && buyerIn {
                differences.append(IntercompanyDifference(
                    kind: .amountsDiffer, sellerDocument: seller, buyerDocument: buyer, amount: part,
                    message: "\(describe(seller, in: sellerName)) but \(describe(buyer, in: buyerName)): correct the one that is wrong."))
            } else {
                let (inside, outside) = sellerIn ? ((seller, sellerName), (buyer, buyerName)) : ((buyer, buyerName), (seller, sellerName))
                differences.append(IntercompanyDifference(
                    kind: .timing, sellerDocument: seller, buyerDocument: buyer, amount: part,
                    message: "\(describe(inside.0, in: inside.1)); \(outside.1) booked its counterpart \(outside.0.move.name) on \(outside.0.date), "
                        + "outside these dates: in transit, or date one of them in the same period."))
            }
        }
        for seller in pairing.sellerOnly where range.contains(seller.date) {
            differences.append(IntercompanyDifference(
                kind: .missingAtBuyer, sellerDocument: seller, buyerDocument: nil, amount: seller.amount,
                message: "\(describe(seller, in: sellerName)), and \(buyerName) has no counterpart: have \(buyerName) book it, or reverse it."))
        }
        for buyer in pairing.buyerOnly where range.contains(buyer.date) {
            differences.append(IntercompanyDifference(
                kind: .missingAtSeller, sellerDocument: nil, buyerDocument: buyer, amount: buyer.amount.negated,
                message: "\(describe(buyer, in: buyerName)), and \(sellerName) has no counterpart: have \(sellerName) book it, or reverse it."))
        }
        return differences.sorted { ($0.sellerDocument ?? $0.buyerDocument)!.date < ($1.sellerDocument ?? $1.buyerDocument)!.date }
    }

    private func describe(_ document: IntercompanyDocument, in company: String) -> String {
        let ref = document.ref.map { $0.isEmpty ? "" : " (ref \($0))" } ?? ""
        return "\(company) booked \(document.move.name)\(ref) on \(document.date) for \(document.amount)"
    }
}
