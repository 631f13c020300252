public import Adjustments
public import DemoCompany
import Ledger

/// How well drafted adjustments agree with the demo company's ground truth, per kind: planted
/// problems that got a proposal naming their record, those within 5 % of the planted amount, the
/// largest gap, and proposals of the scored kinds that answer no planted problem (false positives).
public struct AdjustmentScore: Sendable, Codable, Hashable {
    public var kind: AdjustmentKind
    public var planted: Int
    public var proposed: Int
    public var withinTolerance: Int
    /// The largest gap to the planted amount, in basis points of it.
    public var largestGapBasisPoints: Int
    public var falsePositives: Int

    /// The planted problem kinds each proposal kind answers.
    public static let plantedKinds: [String: AdjustmentKind] = ["missing-recurring-bill": .accrual, "prepaid-bill": .deferralRelease,
                                                                     "reclass": .reclass, "received-not-billed": .receivedNotBilled,
                                                                     "delivered-not-invoiced": .deliveredNotInvoiced,
                                                                     "prepaid-expensed-at-once": .deferral]

    public static func score(_ proposals: [AdjustmentProposal], against truth: GroundTruth) -> [AdjustmentScore] {
        Set(plantedKinds.values).sorted().map { kind in
            let planted = truth.problems.filter { plantedKinds[$0.kind] == kind }
            let candidates = proposals.filter { $0.kind == kind }
            var score = AdjustmentScore(kind: kind, planted: planted.count, proposed: 0, withinTolerance: 0, largestGapBasisPoints: 0, falsePositives: 0)
            var answered: Set<Int> = []
            for problem in planted {
                guard let record = problem.records.first,
                      let index = candidates.indices.first(where: { Self.answers(candidates[$0], record) })
                else { continue }
                answered.insert(index)
                score.proposed += 1
                guard let expected = problem.expectedAmount?.minorUnits, expected != 0, let total = candidates[index].entry.total?.minorUnits else { continue }
                let gap = Int(abs(total - expected) * 10_000 / abs(expected))
                score.largestGapBasisPoints = max(score.largestGapBasisPoints, gap)
                if gap <= 500 { score.withinTolerance += 1 }
            }
            score.falsePositives = candidates.count - answered.count
            return score
        }
    }

    /// A proposal answers a planted problem when it names the problem's record among its evidence, or
    /// is about it (a reclass's subject is the line it moves).
    static func answers(_ proposal: AdjustmentProposal, _ record: RecordRef) -> Bool {
        proposal.evidence.contains { $0.model == record.model && $0.id == record.id }
            || (record.model == "account.move.line" && proposal.subject == "line-\(record.id)")
    }
}
