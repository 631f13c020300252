public import DemoCompany
public import Payables

/// How a payables control agrees with the demo's ground truth, per planted kind: what was found, what
/// was flagged as that kind without being planted, and planted look-alikes flagged (which must be none).
/// The duplicate search flags pairs of bills; the purchase-order match flags single bills.
public struct PayablesScore: Sendable, Codable, Hashable {
    public var kind: String
    public var planted: Int
    public var found: Int
    public var falsePositives: Int
    public var lookAlikesFlagged: Int

    public var recall: Double { planted == 0 ? 1 : Double(found) / Double(planted) }
    public var precision: Double { found + falsePositives == 0 ? 1 : Double(found) / Double(found + falsePositives) }

    /// The planted kind a hit speaks for, by its strongest signal.
    static func kind(of hit: DuplicateHit) -> String {
        hit.signals.first == .otherVendorSameReference ? "other-vendor-duplicate-bill" : "duplicate-vendor-bill"
    }

    public static let plantedKinds = ["duplicate-vendor-bill", "other-vendor-duplicate-bill"]
    /// The purchase-order match's planted kinds: exception kinds of `MatchException`.
    public static let plantedMatchKinds = [MatchException.Kind.billedOverReceived, .billedOverOrdered, .priceDiffers, .noPurchaseOrder].map(\.rawValue)

    /// `hits`: the duplicate search over the period's bills, each pair once.
    public static func score(_ hits: [DuplicateHit], against truth: GroundTruth) -> [PayablesScore] {
        score(flagged: Dictionary(grouping: hits, by: kind).mapValues { Set($0.map { Set([$0.original.id, $0.bill.id]) }) },
              kinds: plantedKinds, against: truth)
    }

    /// `matches`: the purchase-order match of the period's bills; a bill counts once per exception kind it has.
    public static func score(_ matches: [BillMatch], against truth: GroundTruth) -> [PayablesScore] {
        var flagged: [String: Set<Set<Int>>] = [:]
        for match in matches {
            for kind in Set(match.exceptions.map(\.kind.rawValue)) { flagged[kind, default: []].insert([match.bill.id]) }
        }
        return score(flagged: flagged, kinds: plantedMatchKinds, against: truth)
    }

    /// `flagged`: per kind, the sets of records flagged as that kind. Kinds flagged but never planted get a row too.
    /// A look-alike counts as flagged when a flagged set is part of its records (one bill of several on an order).
    static func score(flagged: [String: Set<Set<Int>>], kinds: [String], against truth: GroundTruth) -> [PayablesScore] {
        let lookAlikes = truth.lookAlikes.map { Set($0.records.map(\.id)) }
        let allPlanted = Set(kinds.flatMap { truth.problems(of: $0) }.map { Set($0.records.map(\.id)) })
        let unplantedKinds = flagged.keys.filter { !kinds.contains($0) }.sorted()
        return (kinds + unplantedKinds).map { kind in
            let planted = Set(truth.problems(of: kind).map { Set($0.records.map(\.id)) })
            let flaggedAs = flagged[kind] ?? []
            return PayablesScore(kind: kind, planted: planted.count, found: flaggedAs.intersection(planted).count,
                                 falsePositives: flaggedAs.subtracting(allPlanted).count,
                                 lookAlikesFlagged: flaggedAs.filter { set in lookAlikes.contains { set.isSubset(of: $0) } }.count)
        }
    }
}
