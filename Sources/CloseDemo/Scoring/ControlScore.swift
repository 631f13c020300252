public import DemoCompany
import Ledger

/// How a control — the duplicate-bill search, the purchase-order match, the payment run's pre-flight, the expense
/// review — agrees with the demo's ground truth, per planted kind: what was found, what was flagged as that kind
/// without being planted, and planted look-alikes flagged (which must be none). A control flags sets of records (a
/// pair of bills, one bill, the bills paid to one bank account, two expenses, a report); a planted problem is found
/// when a flagged set is exactly its records.
public struct ControlScore: Sendable, Codable, Hashable {
    public var kind: String
    public var planted: Int
    public var found: Int
    public var falsePositives: Int
    public var lookAlikesFlagged: Int

    public var recall: Double { planted == 0 ? 1 : Double(found) / Double(planted) }
    public var precision: Double { found + falsePositives == 0 ? 1 : Double(found) / Double(found + falsePositives) }

    /// A record as the scores compare them: ids of different models may be equal.
    struct Key: Hashable {
        var model: String
        var id: Int

        init(_ model: String, _ id: Int) {
            self.model = model
            self.id = id
        }

        init(_ record: RecordRef) { self.init(record.model, record.id) }
    }

    /// `flagged`: per kind, the sets of records flagged as that kind. Kinds flagged but never planted get a row too.
    /// `lookAlikes`: the control's own look-alikes; one counts as flagged when a flagged set is part of its records
    /// (one bill of several on an order).
    static func score(flagged: [String: Set<Set<Key>>], kinds: [String], lookAlikes: [PlantedProblem], against truth: GroundTruth) -> [ControlScore] {
        func records(_ problem: PlantedProblem) -> Set<Key> { Set(problem.records.map(Key.init)) }
        let lookAlikeSets = lookAlikes.map(records)
        let allPlanted = Set(kinds.flatMap { truth.problems(of: $0) }.map(records))
        let unplantedKinds = flagged.keys.filter { !kinds.contains($0) }.sorted()
        return (kinds + unplantedKinds).map { kind in
            let planted = Set(truth.problems(of: kind).map(records))
            let flaggedAs = flagged[kind] ?? []
            return ControlScore(kind: kind, planted: planted.count, found: flaggedAs.intersection(planted).count,
                                falsePositives: flaggedAs.subtracting(allPlanted).count,
                                lookAlikesFlagged: flaggedAs.filter { set in lookAlikeSets.contains { set.isSubset(of: $0) } }.count)
        }
    }
}
