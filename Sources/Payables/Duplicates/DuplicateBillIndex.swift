import Ledger

/// Every stored bill, indexed by what a duplicate shares with its original — the normalised
/// reference, an attachment's checksum, the vendor and amount — so a new bill is checked against a
/// million stored ones by a few dictionary lookups and a binary search, never a scan.
public struct DuplicateBillIndex: Sendable {
    private var bills: [VendorBill] = []
    private var byReference: [String: [Int]] = [:]
    private var byChecksum: [String: [Int]] = [:]
    /// Per vendor and currency, positions ordered by amount.
    private var byVendorAmount: [VendorAmountKey: [Int]] = [:]

    private struct VendorAmountKey: Hashable {
        var database: String
        var vendorID: Int
        var currency: CurrencyCode
    }

    public init(_ bills: some Sequence<VendorBill> = [VendorBill]()) {
        for bill in bills { byVendorAmount[Self.amountKey(bill), default: []].append(append(bill)) }
        for key in byVendorAmount.keys { byVendorAmount[key]?.sort { self.bills[$0].total.minorUnits < self.bills[$1].total.minorUnits } }
    }

    public var count: Int { bills.count }

    /// Adds a bill; the vendor's amounts stay ordered.
    public mutating func insert(_ bill: VendorBill) {
        let position = append(bill)
        let key = Self.amountKey(bill)
        let at = lowerBound(byVendorAmount[key] ?? [], bill.total.minorUnits)
        byVendorAmount[key, default: []].insert(position, at: at)
    }

    /// Stores the bill and indexes its references and attachments; the amount order is the caller's.
    private mutating func append(_ bill: VendorBill) -> Int {
        let position = bills.count
        bills.append(bill)
        for key in bill.reference.map(BillReference.keys) ?? [] { byReference[key, default: []].append(position) }
        for checksum in bill.attachmentChecksums { byChecksum[checksum, default: []].append(position) }
        return position
    }

    /// The stored bills `bill` looks like a duplicate of, strongest first. A cancelled bill is nobody's
    /// original, and a bill is never its own.
    public func duplicates(of bill: VendorBill, rules: DuplicateRules = DuplicateRules()) -> [DuplicateHit] {
        var signals: [Int: Set<DuplicateSignal>] = [:]
        var referenced = Set<Int>()
        for key in bill.reference.map(BillReference.keys) ?? [] { referenced.formUnion(byReference[key] ?? []) }
        for position in referenced {
            for signal in DuplicateJudge.referenceSignals(bill, bills[position], rules: rules) { signals[position, default: []].insert(signal) }
        }
        for checksum in bill.attachmentChecksums {
            for position in byChecksum[checksum] ?? [] { signals[position, default: []].insert(.sameAttachment) }
        }
        if let positions = byVendorAmount[Self.amountKey(bill)] {
            let tolerance = rules.tolerance(around: bill.total.minorUnits)
            var at = lowerBound(positions, bill.total.minorUnits - tolerance)
            while at < positions.count, bills[positions[at]].total.minorUnits <= bill.total.minorUnits + tolerance {
                if DuplicateJudge.isSameAmountNearDate(bill, bills[positions[at]], rules: rules) {
                    signals[positions[at], default: []].insert(.sameAmountNearDate)
                }
                at += 1
            }
        }
        return signals.compactMap { position, found -> DuplicateHit? in
            let original = bills[position]
            guard !found.isEmpty, original.state != .cancelled, !DuplicateJudge.isSameBill(bill, original) else { return nil }
            return DuplicateHit(bill: bill, original: original, signals: Array(found), reason: DuplicateJudge.reason(bill, original, Array(found).sorted()))
        }
        .sorted { ($0.score, $1.original.id) > ($1.score, $0.original.id) }
    }

    private func lowerBound(_ positions: [Int], _ minorUnits: Int64) -> Int {
        var low = 0, high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if bills[positions[middle]].total.minorUnits < minorUnits { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func amountKey(_ bill: VendorBill) -> VendorAmountKey {
        VendorAmountKey(database: bill.source.database, vendorID: bill.vendor.partnerID, currency: bill.total.currency)
    }
}
