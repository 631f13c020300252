public import DemoCompany
public import Payables

extension ControlScore {
    public static let payablesKinds = ["duplicate-vendor-bill", "other-vendor-duplicate-bill"]
    /// The purchase-order match's planted kinds: exception kinds of `MatchException`.
    public static let purchaseMatchKinds = [MatchException.Kind.billedOverReceived, .billedOverOrdered, .priceDiffers, .noPurchaseOrder].map(\.rawValue)

    /// The planted kind a hit speaks for, by its strongest signal.
    static func kind(of hit: DuplicateHit) -> String {
        hit.signals.first == .otherVendorSameReference ? "other-vendor-duplicate-bill" : "duplicate-vendor-bill"
    }

    /// `hits`: the duplicate search over the period's bills, each pair once.
    public static func score(_ hits: [DuplicateHit], against truth: GroundTruth) -> [ControlScore] {
        score(flagged: Dictionary(grouping: hits, by: kind).mapValues { Set($0.map { [Key("account.move", $0.original.id), Key("account.move", $0.bill.id)] }) },
              kinds: payablesKinds, lookAlikes: truth.payablesLookAlikes, against: truth)
    }

    /// `matches`: the purchase-order match of the period's bills; a bill counts once per exception kind it has.
    public static func score(_ matches: [BillMatch], against truth: GroundTruth) -> [ControlScore] {
        var flagged: [String: Set<Set<Key>>] = [:]
        for match in matches {
            for kind in Set(match.exceptions.map(\.kind.rawValue)) { flagged[kind, default: []].insert([Key("account.move", match.bill.id)]) }
        }
        return score(flagged: flagged, kinds: purchaseMatchKinds, lookAlikes: truth.payablesLookAlikes, against: truth)
    }
}
