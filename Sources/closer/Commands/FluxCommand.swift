import ArgumentParser
import CloseChecks
import CloseSettings
import CloseStore
import CloseWorkflows
import Ledger
import Narratives

struct FluxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flux",
        abstract: "Trial-balance flux: accounts whose movement changed materially against the prior period, last year, and year to date.")

    @OptionGroup var common: CommonOptions
    @Option(help: "The period to analyse, YYYY-MM.") var period: String
    @Option(help: "Which pulled ledger (default: the only one in the store).") var source: SourceKey?
    @Option(help: "The rule-set file with the flux thresholds (default: ./closer-rules.yaml when present, else the built-in rules).")
    var rules: String?
    @Option(help: "Which accounts to review: all, profit-and-loss or balance-sheet (default: the rule set's).") var accounts: String?
    @OptionGroup var narrative: NarrativeOptions

    func validate() throws {
        do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) }
        if let accounts, FluxScope(rawValue: accounts) == nil {
            throw ValidationError("--accounts must be \(FluxScope.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() async throws {
        var thresholds = try RuleSet.resolve(explicit: rules).flux   // a malformed file stops here
        if let accounts { thresholds.scope = FluxScope(rawValue: accounts)! }
        let store = try common.openStore()
        let rephraser = try narrative.rephraser(common: common, store: store)
        let key = try source ?? CheckService.onlySourceKey(in: store)
        let report = try FluxService(store: store).run(sourceKey: key, period: try Period(parsing: period), thresholds: thresholds)
        let rephrasings = await NarrativeOptions.run(rephraser, report, json: common.json)
        if common.json, let rephraser, let rephrasings {
            return try Output.json(RephrasedFluxReport(report: report, rephrasings: rephrasings, settings: rephraser.settings))
        }
        // After the deterministic report below, however it is printed.
        defer { if let rephraser, let rephrasings { NarrativeOptions.print(rephrasings, settings: rephraser.settings) } }
        if common.json { return try Output.json(report) }
        print("\(report.company), \(report.period), \(report.thresholds.scope.rawValue) accounts: \(report.variances.count) variances "
              + "(at least \(report.thresholds.absolute) \(report.currency) and \(report.thresholds.relativePercent) %; "
              + "each account's balance in its natural direction, so \"rose\" means it grew)")
        for comparison in FluxComparison.allCases {
            let group = report.variances.filter { $0.comparison == comparison }
            guard !group.isEmpty else { continue }
            print("\n\(comparison.title) (\(group.count))")
            for variance in group { print("  - \(variance.narrative)") }
        }
    }
}
