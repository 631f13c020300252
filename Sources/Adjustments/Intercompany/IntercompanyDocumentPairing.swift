import Ledger

/// Pairs the seller's documents with the buyer's: first by reference (the buyer's bill quotes the
/// seller's invoice number, or both quote the same reference), then by equal amount on nearby
/// dates. What stays unpaired was booked by one side only.
struct IntercompanyDocumentPairing {
    var pairs: [(seller: IntercompanyDocument, buyer: IntercompanyDocument)] = []
    var sellerOnly: [IntercompanyDocument] = []
    var buyerOnly: [IntercompanyDocument] = []

    init(seller: [IntercompanyDocument], buyer: [IntercompanyDocument], amountPairingDays: Int) {
        var open = buyer
        var unpaired: [IntercompanyDocument] = []
        for document in seller {
            // Same direction only: an invoice and its payment quote the same number.
            let candidates = open.indices.filter { Self.sameReference(document, open[$0]) && open[$0].amount.isNegative == document.amount.isNegative }
            if let best = candidates.min(by: { Self.distance(document, open[$0]) < Self.distance(document, open[$1]) }) {
                pairs.append((document, open.remove(at: best)))
            } else {
                unpaired.append(document)
            }
        }
        for document in unpaired {
            let candidates = open.indices.filter {
                open[$0].amount == document.amount && abs(document.date.days(until: open[$0].date)) <= amountPairingDays
            }
            if let nearest = candidates.min(by: { Self.distance(document, open[$0]) < Self.distance(document, open[$1]) }) {
                pairs.append((document, open.remove(at: nearest)))
            } else {
                sellerOnly.append(document)
            }
        }
        buyerOnly = open
    }

    static func sameReference(_ seller: IntercompanyDocument, _ buyer: IntercompanyDocument) -> Bool {
        let sellerName = key(seller.move.name), buyerName = key(buyer.move.name)
        let sellerRef = seller.ref.map(key) ?? "", buyerRef = buyer.ref.map(key) ?? ""
        return (!buyerRef.isEmpty && buyerRef == sellerName) || (!sellerRef.isEmpty && sellerRef == buyerName)
            || (!sellerRef.isEmpty && sellerRef == buyerRef)
    }

    /// Closer amounts first, then closer dates.
    static func distance(_ seller: IntercompanyDocument, _ buyer: IntercompanyDocument) -> (Int64, Int) {
        (abs(seller.amount.minorUnits - buyer.amount.minorUnits), abs(seller.date.days(until: buyer.date)))
    }

    /// References as people type them: case, spaces and separators do not matter ("inv 2026/7" = "INV-2026-7").
    static func key(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
