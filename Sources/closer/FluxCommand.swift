import ArgumentParser
import CloseKit
import CloseService
import CloseStore
import Ledger

struct FluxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flux",
        abstract: "Trial-balance flux: accounts whose movement changed materially against the prior period, last year, and year to date.")

    @OptionGroup var common: CommonOptions
    @Option(help: "The period to analyse, YYYY-MM.") var period: String
    @Option(help: "Which pulled ledger (default: the only one in the store).") var source: String?
    @OptionGroup var narrative: NarrativeOptions

    func validate() throws {
        do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) }
    }

    func run() async throws {
        let store = try AppDatabase.open(at: try common.resolver().storePath)
        let rephraser = try narrative.rephraser(common: common, store: store)
        let key = try source ?? CheckService.onlySourceKey(in: store)
        let report = try FluxService(store: store).run(sourceKey: key, period: try Period(parsing: period))
        let rephrasings = await NarrativeOptions.run(rephraser, report, json: common.json)
        if common.json, let rephraser, let rephrasings {
            return try Output.json(RephrasedFluxReport(report: report, rephrasings: rephrasings, settings: rephraser.settings))
        }
        // After the deterministic report below, however it is printed.
        defer { if let rephraser, let rephrasings { NarrativeOptions.print(rephrasings, settings: rephraser.settings) } }
        if common.json { return try Output.json(report) }
        let currency = report.variances.first?.delta.currency ?? .usd
        let threshold = Money(minorUnits: report.thresholds.absolute, currency: currency, scale: report.variances.first?.delta.scale ?? 2)
        print("\(report.company), \(report.period): \(report.variances.count) variances "
              + "(at least \(threshold) and \(report.thresholds.relativePercent) %; amounts are debit minus credit)")
        for comparison in FluxComparison.allCases {
            let group = report.variances.filter { $0.comparison == comparison }
            guard !group.isEmpty else { continue }
            print("\n\(comparison.title) (\(group.count))")
            for variance in group { print("  - \(variance.narrative)") }
        }
    }
}
