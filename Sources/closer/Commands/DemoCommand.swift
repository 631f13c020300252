import ArgumentParser
import CloseDemo
import CloseSettings
import CloseStore
import DemoCompany
import Foundation
import Ledger
import CloseWorkflows
import Adjustments

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run Closer end to end on the embedded demo company (no Odoo needed), or push that company into an Odoo.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Seed of the synthetic company; the same seed gives the same books.") var seed: UInt64 = 42
    @Option(help: "The period to close, YYYY-MM.") var period: String = "2026-10"
    @Option(help: "Months of history before the period.") var historyMonths: Int = 12
    @Option(help: "Approximate number of journal lines (default: a realistic small company).") var lines: Int?
    @Option(help: "Where to write the planted problems' ground truth.") var groundTruth: String = ".closer/demo-ground-truth.json"
    @Option(help: "Write the demo company into this Odoo database instead, e.g. http://127.0.0.1:8069/closerpush (login from --user/--password or the environment).")
    var pushTo: String?
    @Flag(help: "Delete the store even when it holds more than an earlier demo (users, decisions, a pulled Odoo ledger).") var replace = false

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
        if let pushTo { return try await push(options, to: pushTo) }
        let storePath = try common.resolver().string(.store) ?? ".closer/demo.sqlite"
        let service = DemoService(options: options, storePath: storePath, groundTruthPath: groundTruth, actor: ActorIdentity.operatingSystemAccount(),
                                  replace: replace)
        let report = try await service.run(progress: TerminalProgress.forCommandLine(json: common.json))
        if common.json { return try Output.json(report) }
        DemoReportText.print(report)
        // Other commands read --store, else CLOSER_STORE, else the config file, else .closer/closer.sqlite.
        var elsewhere = common
        elsewhere.store = nil
        Swift.print(try elsewhere.resolver().storePath == storePath
            ? "Next: `closer audit verify`, or point Closer at a real Odoo (see README)."
            : "Next: `export CLOSER_STORE=\(storePath)` so the README's commands (`closer audit verify`, `closer check --period \(report.period)`, …) "
                + "work on the demo's store, or point Closer at a real Odoo (see README).")
        if !report.audit.isIntact { throw ExitCode(1) }
    }
}

extension DemoCommand {
    func push(_ options: DemoOptions, to target: String) async throws {
        let (url, database) = try DemoPushService.target(target)
        var flags = connection.flags
        flags[.odooURL] = url
        flags[.odooDatabase] = database
        let resolver = try common.resolver(flags: flags)
        let settings = try OdooSettings(resolving: resolver)
        let progress = TerminalProgress.forCommandLine(json: common.json)
        let service = DemoPushService(options: options, settings: settings, store: try AppDatabase.openOrCreate(at: resolver.storePath),
                                      actor: ActorIdentity.operatingSystemAccount())
        let report = try await Interruption.cancellingOnInterrupt {
            try await service.run(progress: { model, count in progress.update("writing \(model)", count: count) })
        }
        progress.finish()
        let stampsPath = URL(fileURLWithPath: resolver.storePath).deletingLastPathComponent().appendingPathComponent("demo-stamps-\(database).sql").path
        try service.writeStamps(for: report, to: stampsPath)
        let parity = try await Interruption.cancellingOnInterrupt {
            try await DemoParityService(options: options, settings: settings, store: service.store, actor: service.actor)
                .run(pushed: report, progress: { model, count in progress.update("pulling \(model) back", count: count) })
        }
        progress.finish()
        if common.json { return try Output.json(DemoPushOutput(push: report, parity: parity)) }
        print("Pushed the demo company (seed \(options.seed)) into \(database) at \(url) in \(String(format: "%.1f", report.seconds)) s")
        for (model, count) in report.created.sorted(by: { $0.key < $1.key }) {
            print("  created \(count) \(model)" + (report.reused[model].map { ", reused \($0)" } ?? ""))
        }
        if report.totalCreated == 0 { print("  nothing new: the company was already there (a re-run changes nothing)") }
        if !report.warnings.isEmpty {
            print("  \(report.warnings.count) thing(s) Odoo refused or the API cannot reproduce:")
            for warning in report.warnings.prefix(20) { print("    - \(warning)") }
            if report.warnings.count > 20 { print("    … \(report.warnings.count - 20) more (use --json for all)") }
        }
        print("  Odoo stamps every entry with the import's user and time. For a test database, `psql -d \(database) -f \(stampsPath)` "
              + "restores the demo's own (then run this command again: it writes nothing new and re-checks).")
        DemoParityText.print(parity)
    }
}

/// `closer demo --push-to … --json`: what was written, and how the checks compare on it.
struct DemoPushOutput: Encodable {
    var push: LedgerImportReport
    var parity: DemoParityReport
}

enum DemoParityText {
    static func print(_ parity: DemoParityReport) {
        Swift.print("Pulled it back and ran `closer check` on Odoo (run \(parity.checkRunID), \(parity.sourceKey)):")
        Swift.print("  \(parity.foundInOdoo)/\(parity.plantedInOdoo) planted problems that reached Odoo found, "
                    + "\(parity.odoo.map(\.falsePositives).reduce(0, +)) false positives")
        let memory = Dictionary(uniqueKeysWithValues: parity.inMemory.map { ($0.checkID, $0) })
        for score in parity.odoo where score.found < score.planted || score.falsePositives > 0 {
            let before = memory[score.checkID].map { " (in memory: \($0.found)/\($0.planted), \($0.falsePositives) false positives)" } ?? ""
            Swift.print("      \(score.checkID): found \(score.found)/\(score.planted), \(score.falsePositives) false positives\(before)")
        }
        if !parity.notPushed.isEmpty {
            Swift.print("  \(parity.notPushed.count) planted problems could not be reproduced in Odoo:")
            for (kind, problems) in Dictionary(grouping: parity.notPushed, by: \.kind).sorted(by: { $0.key < $1.key }) {
                Swift.print("      \(kind): \(problems.count) (\(DemoParityService.impossibleInOdoo[kind] ?? "refused by Odoo, see the warnings above"))")
            }
        }
        if !parity.outsideFindings.isEmpty {
            Swift.print("  \(parity.outsideFindings.count) findings on Odoo's own records, not the demo's (e.g. \(parity.outsideFindings[0]))")
        }
        Swift.print(parity.differences.isEmpty ? "  same findings as on the in-memory demo company"
                    : "  differs from the in-memory demo company on: \(parity.differences.joined(separator: ", "))")
    }
}

enum DemoReportText {
    static func percent(_ ratio: Double) -> String { String(format: "%.1f %%", ratio * 100) }

    /// One line per review: each planted kind found of planted, then what was flagged beyond the plants and the look-alikes.
    static func print(_ label: String, _ review: DemoReport.ReviewSummary, what: String, flagged: String, then next: String) {
        let kinds = review.scores.map { "\($0.kind) \($0.found)/\($0.planted)" + ($0.falsePositives > 0 ? " (\($0.falsePositives) not planted)" : "") }
        Swift.print("  " + label.padding(toLength: 13, withPad: " ", startingAt: 0) + " \(review.reviewed) \(what), \(review.flagged) \(flagged): "
                    + kinds.joined(separator: ", ") + "; \(review.scores.reduce(0) { $0 + $1.falsePositives }) not planted, "
                    + "\(review.scores.reduce(0) { $0 + $1.lookAlikesFlagged }) of \(review.lookAlikes) look-alikes flagged (\(next))")
    }

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
        let counts = report.findingsBySeverity
        Swift.print("  checks        \(counts["blocking"] ?? 0) blocking, \(counts["warning"] ?? 0) warning, \(counts["advisory"] ?? 0) advisory findings "
                    + "(`closer check --period \(report.period) --store \(report.storePath)` lists them)")
        let scored = report.checkScores
        let found = scored.reduce(0) { $0 + $1.found }, planted = scored.reduce(0) { $0 + $1.planted }
        let wrong = scored.reduce(0) { $0 + $1.falsePositives }, outside = scored.reduce(0) { $0 + $1.outsidePulledLedger }
        Swift.print("  vs. planted   \(found)/\(planted) planted records found by \(scored.count) checks, \(wrong) false positives"
                    + (outside > 0 ? "; \(outside) planted outside the pulled window" : ""))
        for score in scored where score.found < score.planted || score.falsePositives > 0 {
            Swift.print("      \(score.checkID): found \(score.found)/\(score.planted), \(score.falsePositives) false positives")
        }
        let reading = report.reading
        Swift.print("  to read       \(reading.topLevelFindings) findings for \(reading.plantedProblems) planted problems "
                    + "(\(reading.plantedFound) found); first screen \(reading.firstScreen): \(reading.plantedOnFirstScreen)/\(reading.plantedProblems) "
                    + "planted (\(percent(reading.plantedOnFirstScreenShare))), \(reading.blockingOnFirstScreen)/\(reading.blocking) blocking; "
                    + "systemic noise \(reading.noiseReadAsOne)/\(reading.noisePatterns) patterns read as one finding, \(reading.noiseOnFirstScreen) on the first screen")
        let match = report.matchScore
        Swift.print("  bank matching \(match.matchable) unreconciled lines: \(match.auto) auto-matched (\(percent(match.autoRate))), "
                    + "\(percent(match.autoPrecision)) of them right; \(percent(match.matchedRate)) matched or proposed right as the top "
                    + "candidate; 1:N deposits \(match.oneToManyCorrect)/\(match.oneToMany) (`closer reconcile --period \(report.period)`)")
        let drafted = report.adjustmentScores.map { score in
            "\(score.kind.rawValue) \(score.withinTolerance)/\(score.planted)" + (score.largestGapBasisPoints > 0
                ? " (within 5 %, largest gap \(String(format: "%.1f", Double(score.largestGapBasisPoints) / 100)) %)" : " (exact)")
        }
        let unplanted = report.adjustmentScores.reduce(0) { $0 + $1.falsePositives }
        Swift.print("  adjustments   " + drafted.joined(separator: ", ") + ", \(unplanted) not planted (`closer proposals --store \(report.storePath)`)")
        let payables = report.payablesScores.map { "\($0.kind) \($0.found)/\($0.planted), \($0.falsePositives) not planted" }
        let lookAlikes = report.payablesScores.reduce(0) { $0 + $1.lookAlikesFlagged }
        Swift.print("  payables      " + payables.joined(separator: "; ") + ", \(lookAlikes) look-alikes flagged "
                    + "(`closer payables duplicates --period \(report.period) --store \(report.storePath)`)")
        let orders = report.purchaseMatch
        let matchScores = orders.scores.map { "\($0.kind) \($0.found)/\($0.planted)" + ($0.falsePositives > 0 ? " (\($0.falsePositives) not planted)" : "") }
        Swift.print("  po match      \(orders.bills) bills: " + matchScores.joined(separator: ", ")
                    + "; \(orders.scores.reduce(0) { $0 + $1.falsePositives }) not planted, "
                    + "\(orders.scores.reduce(0) { $0 + $1.lookAlikesFlagged }) of \(orders.lookAlikes) look-alikes flagged; "
                    + "\(orders.touchless) matched without exception (`closer demo --push-to`, then `closer payables match --period \(report.period) --rules \(orders.rulesPath)`)")
        print("payment run", report.paymentRun, what: "bills due", flagged: "left out",
              then: "`closer payments propose` on a real company")
        print("expenses", report.expenseReview, what: "reports", flagged: "findings", then: "`closer expenses check` on a real company")
        for (kind, why) in report.notPlanted.sorted(by: { $0.key < $1.key }) { Swift.print("      not planted: \(kind) (\(why))") }
        DemoCollectionsText.print(report.collections)
        Swift.print("  checklist     \(report.checklist) (`closer checklist --period \(report.period) --store \(report.storePath)`)")
        Swift.print("  lock          " + (report.lockBlockers.isEmpty ? "ready to request" : "blocked by \(report.lockBlockers.count) items, e.g. \(report.lockBlockers[0])"))
        let tally = report.plantedTally
        Swift.print("  ground truth  \(tally.problems) planted close problems of \(tally.kinds) kinds: \(tally.forChecks) for the checks "
                    + "(naming the \(tally.checkRecords) records above), \(tally.forAdjustmentsOnly) for the adjusting entries only, "
                    + "\(tally.forPayablesOnly) for the payables controls only, \(tally.forTreasuryOnly) for the payment run only, "
                    + "\(tally.forExpensesOnly) for the expense review only"
                    + (tally.unscored > 0 ? ", \(tally.unscored) scored by nothing" : "") + " → \(report.groundTruthPath)")
        let changes = report.secondPull.changedPostedMoves
        Swift.print("  re-pull       an administrator rewrote posted entry \(report.editedMove); the incremental pull reported "
                    + "\(changes.count) changed posted entr\(changes.count == 1 ? "y" : "ies")" + (changes.first.map { ": \($0.moveName)" } ?? ""))
        Swift.print("  audit trail   \(report.audit.eventCount) events, " + (report.audit.isIntact ? "intact (hash chain verified)" : "BROKEN"))
        Swift.print("")
    }
}
