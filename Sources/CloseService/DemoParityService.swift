import CloseKit
import CloseStore
import DemoCompany
import Foundation
import Ledger
import OdooLedger

/// After `closer demo --push-to`: pulls the pushed company back out of Odoo, runs the same checks
/// and detectors, and compares what they find with what they find on the in-memory demo company,
/// planted record by planted record (ground truth mapped onto Odoo's ids through the push's id map).
public struct DemoParityService: Sendable {
    public var options: DemoOptions
    public var settings: OdooSettings
    public var store: AppDatabase
    public var actor: String
    public var ruleSet: RuleSet

    public init(options: DemoOptions, settings: OdooSettings, store: AppDatabase, actor: String, ruleSet: RuleSet = .builtIn) {
        self.options = options
        self.settings = settings
        self.store = store
        self.actor = actor
        self.ruleSet = ruleSet
    }

    public func run(pushed: LedgerImportReport, progress: PullProgress? = nil) async throws -> DemoParityReport {
        let book = DemoCompany.generate(options)
        let truth = book.groundTruth
        let context = CheckContext(snapshot: book.snapshot, period: truth.period, asOf: truth.asOf, rules: ruleSet.rules)
        let inMemory = CheckRegistry.run(ruleSet.checks, context) + AnomalyRegistry.run(ruleSet.detectors, context, ruleSet.anomalyThresholds)
        let inMemoryScores = CheckScore.score(inMemory, against: truth, pulled: book.snapshot)

        let source = OdooGateway.source(settings)
        let companyID = try await source.resolvedCompanyID()
        let sourceKey = source.sourceKey(companyID: companyID)
        _ = try await PullService(store: store, actor: actor).pull(
            from: source, sourceKey: sourceKey, period: truth.period, historyMonths: options.historyMonths, progress: progress)
        let pulled = try store.loadSnapshot(sourceKey: sourceKey)
        let checked = try CheckService(store: store, actor: actor).run(sourceKey: sourceKey, period: truth.period, asOf: truth.asOf,
                                                                        ruleSet: ruleSet)
        let (mapped, notPushed) = truth.mapped(through: pushed.idMap)
        let odooScores = CheckScore.score(checked.findings, against: mapped, pulled: pulled)
        return DemoParityReport(sourceKey: sourceKey, checkRunID: checked.runID, inMemory: inMemoryScores, odoo: odooScores,
                                notPushed: notPushed, pushWarnings: pushed.warnings)
    }
}

/// The in-memory and the Odoo check scores side by side.
public struct DemoParityReport: Sendable, Codable {
    public var sourceKey: String
    public var checkRunID: Int64
    public var inMemory: [CheckScore]
    public var odoo: [CheckScore]
    /// Planted problems whose records Odoo did not accept (the push's warnings say why).
    public var notPushed: [PlantedProblem]
    public var pushWarnings: [String]

    /// Check ids whose Odoo score differs from the in-memory one, counting only problems that reached Odoo.
    public var differences: [String] {
        let odooByID = Dictionary(uniqueKeysWithValues: odoo.map { ($0.checkID, $0) })
        let notPushedKinds = Set(notPushed.map(\.kind))
        return inMemory.compactMap { memory in
            guard let remote = odooByID[memory.checkID] else { return notPushedKinds.contains(memory.checkID) ? nil : memory.checkID }
            let same = remote.found == remote.planted && remote.falsePositives == memory.falsePositives
            return same ? nil : memory.checkID
        }
    }

    public var plantedInOdoo: Int { odoo.map(\.planted).reduce(0, +) }
    public var foundInOdoo: Int { odoo.map(\.found).reduce(0, +) }
}

extension GroundTruth {
    /// The ground truth with every record id replaced by its Odoo id; problems with a record Odoo
    /// does not hold are returned apart.
    func mapped(through idMap: [String: [Int: Int]]) -> (GroundTruth, notPushed: [PlantedProblem]) {
        var mapped = self
        var notPushed: [PlantedProblem] = []
        mapped.problems = problems.compactMap { problem in
            var copy = problem
            for index in copy.records.indices {
                guard let id = idMap[copy.records[index].model]?[copy.records[index].id] else {
                    notPushed.append(problem)
                    return nil
                }
                copy.records[index].id = id
            }
            return copy
        }
        return (mapped, notPushed)
    }
}
