import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Ledger
import Foundation
import OdooLedger

struct PullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Pull a period and its history from Odoo into the store; later pulls are incremental and report changed posted entries.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var connection: ConnectionOptions

    @Option(help: "The period to close, YYYY-MM.") var period: String
    @Option(help: "Months of history before the period (default 12; env CLOSER_HISTORY_MONTHS).") var historyMonths: Int?
    @Flag(help: "Pull everything again instead of only what changed since the last pull.") var full = false

    func validate() throws {
        do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) }
        if let historyMonths, !(0...120).contains(historyMonths) { throw ValidationError("--history-months must be between 0 and 120.") }
    }

    func run() async throws {
        var flags = connection.flags
        flags[.historyMonths] = historyMonths.map(String.init)
        let resolver = try common.resolver(flags: flags)
        let settings = try OdooSettings(resolving: resolver)
        let months = Int(resolver.string(.historyMonths) ?? "12") ?? 12
        let store = try AppDatabase.openOrCreate(at: resolver.storePath).signingCheckpointsAtRunEnd(resolver)
        let source = OdooGateway.source(settings, store: store)
        let companyID = try await source.resolvedCompanyID()
        let progress = TerminalProgress.forCommandLine(json: common.json)
        let request = (period: try Period(parsing: period), months: months, full: full)
        let actor = try common.actor(store, for: nil)
        let report = try await Interruption.cancellingOnInterrupt {
            try await PullService(store: store, actor: actor).pull(
                from: source, sourceKey: source.sourceKey(companyID: companyID), period: request.period, historyMonths: request.months,
                forceComplete: request.full, progress: { model, count in progress.update("pulling \(model)", count: count) })
        }
        progress.finish()
        await RunEndPublication.publish(store: store, settings: settings, resolver: resolver, json: common.json)
        if common.json { return try Output.json(report) }
        PullReportText.print(report)
    }
}

enum PullReportText {
    static func print(_ report: PullReport) {
        let kind = report.incremental ? "incremental pull (changes since the last pull)" : "complete pull"
        Swift.print("\(report.source): \(kind) of \(report.period), window \(report.window)")
        let received = report.received
        Swift.print("  received  \(received.moves) moves, \(received.lines) lines, \(received.statementLines) statement lines, "
                    + "\(received.accounts) accounts, \(received.journals) journals, \(received.partners) partners")
        if let counts = report.sourceCounts {
            let verdict = report.countsMatch == true ? "match" : "DO NOT MATCH — pull again with --full and report this"
            Swift.print("  Odoo says \(counts.moves) moves, \(counts.lines) lines, \(counts.statementLines) statement lines: \(verdict)")
        }
        Swift.print("  stored    \(report.stored.moves) moves, \(report.stored.lines) lines in the window's store "
                    + "(run #\(report.runID), \(String(format: "%.1f", report.seconds)) s)")
        if report.changedPostedMoves.isEmpty {
            Swift.print("  no posted entry changed since the last pull")
        } else {
            Swift.print("  \(report.changedPostedMoves.count) posted entr\(report.changedPostedMoves.count == 1 ? "y" : "ies") changed since the last pull:")
            for change in report.changedPostedMoves { Swift.print("    - \(change.message)") }
        }
    }
}
