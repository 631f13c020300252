public import DemoCompany

/// How the planted problems divide between what scores them, so the demo's counts add up for a reader:
/// the checks score the records their problems name (a duplicate bill names two), the adjusting entries
/// the kinds no check looks for (a prepaid bill, a reclass), the payables, treasury and expense controls their own.
public struct PlantedTally: Sendable, Codable, Hashable {
    public var problems: Int
    public var kinds: Int
    /// Problems of a kind a check or detector finds, and the records they name (in the pulled window or not).
    public var forChecks: Int
    public var checkRecords: Int
    /// Problems only a drafted adjusting entry answers.
    public var forAdjustmentsOnly: Int
    /// Problems only the payables controls answer (a bill under another vendor's number, a bill beyond its order).
    public var forPayablesOnly: Int
    /// Problems only the payment run's pre-flight answers (a vendor's account changed, a bill already paid).
    public var forTreasuryOnly: Int
    /// Problems only the expense review answers (a meal over its limit, a receipt claimed twice).
    public var forExpensesOnly: Int

    public var unscored: Int { problems - forChecks - forAdjustmentsOnly - forPayablesOnly - forTreasuryOnly - forExpensesOnly }

    public init(_ truth: GroundTruth, checkScores: [CheckScore]) {
        let checked = Set(checkScores.map(\.checkID))
        problems = truth.problems.count
        kinds = truth.countsByKind.count
        forChecks = truth.problems.filter { checked.contains($0.kind) }.count
        checkRecords = checkScores.reduce(0) { $0 + $1.planted + $1.outsidePulledLedger }
        forAdjustmentsOnly = truth.problems.filter { !checked.contains($0.kind) && AdjustmentScore.plantedKinds[$0.kind] != nil }.count
        func only(_ kinds: [String]) -> Int { truth.problems.filter { !checked.contains($0.kind) && kinds.contains($0.kind) }.count }
        forPayablesOnly = only(ControlScore.payablesKinds + ControlScore.purchaseMatchKinds)
        forTreasuryOnly = only(GroundTruth.treasuryKinds)
        forExpensesOnly = only(GroundTruth.expenseKinds)
    }
}
