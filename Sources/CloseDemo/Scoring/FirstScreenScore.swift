public import CloseChecks
import CloseSettings
public import DemoCompany
public import Ledger

/// What a controller has to read in the demo: the top-level findings (after premises and grouping), and how many
/// planted problems and blocking findings the first screen holds. A planted problem is found when every one of its
/// records in the pulled ledger is in a finding of its kind, and on the first screen when those findings all are.
/// Planted systemic noise (a bulk import, a bank feed's weekend dates) is read as one when a single finding of its
/// kind holds all its records, and it should stay off the first screen.
public struct FirstScreenScore: Sendable, Codable, Hashable {
    public var topLevelFindings: Int
    public var firstScreen: Int
    /// Planted problems of a kind a check or detector finds, with a record in the pulled ledger.
    public var plantedProblems: Int
    public var plantedFound: Int
    public var plantedOnFirstScreen: Int
    public var blocking: Int
    public var blockingOnFirstScreen: Int
    /// Patterns of systemic noise planted, read as one finding each, and on the first screen.
    public var noisePatterns: Int
    public var noiseReadAsOne: Int
    public var noiseOnFirstScreen: Int

    public var plantedOnFirstScreenShare: Double { plantedProblems == 0 ? 1 : Double(plantedOnFirstScreen) / Double(plantedProblems) }
    public var blockingOnFirstScreenShare: Double { blocking == 0 ? 1 : Double(blockingOnFirstScreen) / Double(blocking) }

    public static func score(_ findings: [Finding], against truth: GroundTruth, pulled: LedgerSnapshot) -> FirstScreenScore {
        let present = CheckScore.PresentRecords(pulled)
        let checkIDs = Set(RuleSet.checkIDs)
        let screen = findings.filter { $0.ranking?.onFirstScreen ?? true }
        func flagged(_ findings: [Finding]) -> Set<Flag> {
            Set(findings.flatMap { finding in finding.records.map { Flag(checkID: finding.checkID, model: $0.model, id: $0.id) } })
        }
        let all = flagged(findings), first = flagged(screen)
        var planted = 0, found = 0, onScreen = 0
        for problem in truth.problems where checkIDs.contains(problem.kind) {
            let reachable = problem.records.map { Flag(checkID: problem.kind, model: $0.model, id: $0.id) }
                .filter { present.contains(CheckScore.Key(model: $0.model, id: $0.id)) }
            guard !reachable.isEmpty else { continue }
            planted += 1
            if reachable.allSatisfy(all.contains) { found += 1 }
            if reachable.allSatisfy(first.contains) { onScreen += 1 }
        }
        var readAsOne = 0, noiseOnScreen = 0
        for pattern in truth.systemicNoise {
            let records = Set(pattern.records.map { Flag(checkID: pattern.kind, model: $0.model, id: $0.id) })
            if findings.contains(where: { records.isSubset(of: flagged([$0])) }) { readAsOne += 1 }
            if !records.isDisjoint(with: first) { noiseOnScreen += 1 }
        }
        return FirstScreenScore(topLevelFindings: findings.count, firstScreen: screen.count, plantedProblems: planted, plantedFound: found,
                                plantedOnFirstScreen: onScreen, blocking: findings.filter { $0.severity == .blocking }.count,
                                blockingOnFirstScreen: screen.filter { $0.severity == .blocking }.count,
                                noisePatterns: truth.systemicNoise.count, noiseReadAsOne: readAsOne, noiseOnFirstScreen: noiseOnScreen)
    }

    struct Flag: Hashable {
        var checkID: String
        var model: String
        var id: Int
    }
}
