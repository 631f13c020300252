public import DemoCompany
public import Payables

/// How the duplicate-bill search agrees with the demo's ground truth, per planted kind: pairs found,
/// pairs flagged as that kind that were not planted, and planted look-alikes flagged (which must be none).
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

    /// `hits`: the duplicate search over the period's bills, each pair once.
    public static func score(_ hits: [DuplicateHit], against truth: GroundTruth) -> [PayablesScore] {
        let lookAlikes = Set(truth.lookAlikes.map { Set($0.records.map(\.id)) })
        let allPlanted = Set(plantedKinds.flatMap { truth.problems(of: $0) }.map { Set($0.records.map(\.id)) })
        return plantedKinds.map { kind in
            let planted = Set(truth.problems(of: kind).map { Set($0.records.map(\.id)) })
            let flagged = Set(hits.filter { Self.kind(of: $0) == kind }.map { Set([$0.original.id, $0.bill.id]) })
            return PayablesScore(kind: kind, planted: planted.count, found: flagged.intersection(planted).count,
                                 falsePositives: flagged.subtracting(allPlanted).count, lookAlikesFlagged: flagged.intersection(lookAlikes).count)
        }
    }
}
