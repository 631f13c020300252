import ArgumentParser
import CloseService
import DemoCompany
import Foundation
import Ledger

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run Closer end to end on the embedded demo company (no Odoo needed), or push that company into an Odoo.")

    @OptionGroup var common: CommonOptions

    @Option(help: "Seed of the synthetic company; the same seed gives the same books.") var seed: UInt64 = 42
    @Option(help: "The period to close, YYYY-MM.") var period: String = "2026-10"
    @Option(help: "Months of history before the period.") var historyMonths: Int = 12
    @Option(help: "Approximate number of journal lines (default: a realistic small company).") var lines: Int?
    @Option(help: "Where to write the planted problems' ground truth.") var groundTruth: String = ".closer/demo-ground-truth.json"

    func validate() throws {
        do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) }
        if !(1...36).contains(historyMonths) { throw ValidationError("--history-months must be between 1 and 36.") }
        if let lines, !(1_000...20_000_000).contains(lines) { throw ValidationError("--lines must be between 1,000 and 20,000,000.") }
    }

    func run() async throws {
        var options = DemoOptions()
        options.seed = seed
        options.closePeriod = try Period(parsing: period)
        options.historyMonths = historyMonths
        options.targetLines = lines
        let storePath = common.store ?? ".closer/demo.sqlite"
        let service = DemoService(options: options, storePath: storePath, groundTruthPath: groundTruth, actor: ActorIdentity.current())
        let report = try await service.run(progress: TerminalProgress.forCommandLine(json: common.json))
        if common.json { return try Output.json(report) }
        DemoReportText.print(report)
        if !report.audit.isIntact { throw ExitCode(1) }
    }
}

enum DemoReportText {
    static func print(_ report: DemoReport) {
        let generated = report.generated
        Swift.print("Closer demo — \(report.company) (synthetic, seed \(report.seed)), closing \(report.period)")
        Swift.print("  generated     \(generated.moves.formatted()) moves, \(generated.lines.formatted()) journal lines, "
                    + "\(generated.statementLines.formatted()) bank statement lines in \(String(format: "%.2f", report.generationSeconds)) s")
        let first = report.firstPull
        Swift.print("  pulled        window \(first.window) into \(report.storePath) in \(String(format: "%.2f", first.seconds)) s; "
                    + "counts \(first.countsMatch == false ? "DO NOT match" : "match")")
        let balance = report.trialBalance
        Swift.print("  trial balance \(report.period): \(balance.accounts) accounts, debits \(balance.totalDebit), credits \(balance.totalCredit)"
                    + (balance.balanced ? "" : " — NOT BALANCED by \(balance.totalDebit - balance.totalCredit): an entry does not balance"))
        let planted = report.plantedProblems.values.reduce(0, +)
        Swift.print("  ground truth  \(planted) planted close problems of \(report.plantedProblems.count) kinds → \(report.groundTruthPath)")
        let changes = report.secondPull.changedPostedMoves
        Swift.print("  re-pull       an administrator rewrote posted entry \(report.editedMove); the incremental pull reported "
                    + "\(changes.count) changed posted entr\(changes.count == 1 ? "y" : "ies")" + (changes.first.map { ": \($0.moveName)" } ?? ""))
        Swift.print("  audit trail   \(report.audit.eventCount) events, " + (report.audit.isIntact ? "intact (hash chain verified)" : "BROKEN"))
        Swift.print("")
        Swift.print("Next: `closer audit verify --store \(report.storePath)`, or point Closer at a real Odoo (see README).")
    }
}
