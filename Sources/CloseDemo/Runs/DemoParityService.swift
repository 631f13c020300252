import CloseChecks
public import CloseSettings
public import CloseStore
import CloseWorkflows
public import DemoCompany
public import Ledger
import Foundation
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
        let inMemory = CheckService.findings(ruleSet, context)
        let inMemoryScores = CheckScore.score(inMemory, against: truth, pulled: book.snapshot)

        let source = OdooGateway.source(settings)
        let companyID = try await source.resolvedCompanyID()
        let sourceKey = source.sourceKey(companyID: companyID)
        // Complete, not incremental: restored stamps move write dates back, which a write-date cursor would miss.
        _ = try await PullService(store: store, actor: actor).pull(
            from: source, sourceKey: sourceKey, period: truth.period, historyMonths: options.historyMonths, forceComplete: true,
            progress: progress)
        let pulled = try store.loadSnapshot(sourceKey: sourceKey)
        let checked = try CheckService(store: store, actor: actor).run(sourceKey: sourceKey, period: truth.period, asOf: truth.asOf,
                                                                        ruleSet: ruleSet)
        var (mapped, notPushed) = truth.mapped(through: pushed.idMap)
        // States Odoo's own constraints make impossible cannot be pushed, whatever the importer does.
        notPushed += mapped.problems.filter { Self.impossibleInOdoo[$0.kind] != nil }
        mapped.problems.removeAll { Self.impossibleInOdoo[$0.kind] != nil }
        // Odoo's database has records of its own (journals of its chart, other companies' data): findings on them are not the demo's.
        let demoRecords = pushed.idMap.mapValues { Set($0.values) }
        let (demo, outside) = checked.findings.reduce(into: ([Finding](), [Finding]())) { split, finding in
            let ours = finding.records.allSatisfy { demoRecords[$0.model]?.contains($0.id) ?? true }
            if ours { split.0.append(finding) } else { split.1.append(finding) }
        }
        let odooScores = CheckScore.score(demo, against: mapped, pulled: pulled)
        return DemoParityReport(sourceKey: sourceKey, checkRunID: checked.runID, inMemory: inMemoryScores, odoo: odooScores,
                                notPushed: notPushed, outsideFindings: outside.map { "\($0.checkID): \($0.message)" }, pushWarnings: pushed.warnings)
    }

    /// Planted problems whose state Odoo refuses to hold, with the reason.
    public static let impossibleInOdoo: [String: String] = [
        "unbalanced-entry": "Odoo refuses an unbalanced entry",
        "line-debit-and-credit": "Odoo keeps one side per journal item (debit and credit are computed from its balance)",
        "sequence-duplicate": "Odoo refuses a second entry with the same number in a journal",
    ]
}

/// The in-memory and the Odoo check scores side by side.
public struct DemoParityReport: Sendable, Codable {
    public var sourceKey: SourceKey
    public var checkRunID: Int64
    public var inMemory: [CheckScore]
    public var odoo: [CheckScore]
    /// Planted problems Odoo did not accept (the push's warnings say why) or cannot hold (`impossibleInOdoo`).
    public var notPushed: [PlantedProblem]
    /// Findings on records that are not the demo's (Odoo's own journals and data), check id and message.
    public var outsideFindings: [String]
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
