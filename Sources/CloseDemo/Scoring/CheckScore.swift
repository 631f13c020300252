public import CloseChecks
public import DemoCompany
import CloseSettings
public import Ledger

/// How well the checks found what the demo company planted: per check id, the planted records
/// found (recall) and the records flagged that were not planted (false positives). Planted records
/// outside the pulled ledger (e.g. dated after the pull window) are counted apart, not as misses.
public struct CheckScore: Sendable, Codable, Hashable {
    public var checkID: String
    public var planted: Int
    public var found: Int
    public var falsePositives: Int
    public var outsidePulledLedger: Int

    public var recall: Double { planted == 0 ? 1 : Double(found) / Double(planted) }
    public var precision: Double { found + falsePositives == 0 ? 1 : Double(found) / Double(found + falsePositives) }

    public static func score(_ findings: [Finding], against truth: GroundTruth, pulled: LedgerSnapshot) -> [CheckScore] {
        let present = PresentRecords(pulled)
        let ids = RuleSet.checkIDs
        return ids.compactMap { id in
            let plantedRecords = Set(truth.problems(of: id).flatMap(\.records).map { Key(model: $0.model, id: $0.id) })
            guard !plantedRecords.isEmpty else { return nil }
            let reachable = plantedRecords.filter(present.contains)
            // Plants of another kind the check rightly flags too (a year's premium expensed at once is an unusual amount), and
            // systemic noise (a bulk import's late postings), are neither hits nor false positives.
            let alsoPlanted = Set(truth.linesAlsoOfKind(id, in: pulled).map { Key(model: "account.move.line", id: $0) })
                .union(truth.noiseRecords(of: id).map { Key(model: $0.model, id: $0.id) })
            let flagged = Set(findings.filter { $0.checkID == id }.flatMap(\.records).map { Key(model: $0.model, id: $0.id) }).subtracting(alsoPlanted)
            return CheckScore(checkID: id, planted: reachable.count, found: flagged.intersection(reachable).count,
                              falsePositives: flagged.subtracting(plantedRecords).count,
                              outsidePulledLedger: plantedRecords.count - reachable.count)
        }
    }

    struct Key: Hashable {
        var model: String
        var id: Int
    }

    /// Which records made it into the pulled ledger.
    struct PresentRecords {
        let ids: [String: Set<Int>]

        init(_ snapshot: LedgerSnapshot) {
            ids = ["account.move": Set(snapshot.moves.map(\.id)), "account.move.line": Set(snapshot.lines.map(\.id)),
                   "account.bank.statement.line": Set(snapshot.statementLines.map(\.id)),
                   "account.journal": Set(snapshot.journals.map(\.id)), "account.account": Set(snapshot.accounts.map(\.id)),
                   "res.partner": Set(snapshot.partners.map(\.id))]
        }

        func contains(_ key: Key) -> Bool { ids[key.model]?.contains(key.id) ?? true }
    }
}
