import ArgumentParser
import CloseChecks
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Ledger

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the close-readiness checks on the pulled ledger; silent and exit 0 when clean, exit 1 on a finding at --fail-on or worse.")

    @OptionGroup var common: CommonOptions
    @Option(help: "The period to close, YYYY-MM.") var period: String
    @Option(help: "Which pulled ledger (default: the only one in the store).") var source: SourceKey?
    @Option(help: "The day the close is done, YYYY-MM-DD (default: today, UTC).") var asOf: String?
    @Option(help: "The rule-set file (default: ./closer-rules.yaml when present, else the built-in rules).") var rules: String?
    @Option(help: "Exit 1 when a finding of this severity or worse exists: blocking, warning, advisory, or never.") var failOn = "blocking"
    @OptionGroup var connection: ConnectionOptions
    @Flag(help: "Note each finding on its Odoo record's chatter with a To-Do, once (needs --mode supervised or autonomous).")
    var postFindings = false
    @Option(help: "With --post-findings, post findings of this severity or worse: blocking, warning (default) or advisory.")
    var postSeverity = "warning"

    func validate() throws {
        do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) }
        if let asOf, LocalDate(iso: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date: write YYYY-MM-DD.") }
        if failOn != "never" && Severity(rawValue: failOn) == nil {
            throw ValidationError("--fail-on must be blocking, warning, advisory or never.")
        }
        if Severity(rawValue: postSeverity) == nil { throw ValidationError("--post-severity must be blocking, warning or advisory.") }
    }

    func run() async throws {
        let ruleSet = try RuleSet.resolve(explicit: rules)   // a malformed file stops here, before anything runs
        let store = try common.openStore()
        let key = try source ?? CheckService.onlySourceKey(in: store)
        let today = Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)).date
        // Built before the checks run, so a wrong mode or connection stops the command at once.
        // Posting writes to Odoo, so it needs a signed-in user with the role; the check itself needs no sign-in.
        let actor = try common.actor(store, for: postFindings ? .writeToOdoo : nil)
        let poster = try postFindings ? FindingPostService(
            store: store, settings: OdooSettings(resolving: common.resolver(flags: connection.flags)), sourceKey: key, actor: actor) : nil
        var report = try CheckService(store: store, actor: actor).run(
            sourceKey: key, period: try Period(parsing: period), asOf: asOf.flatMap { LocalDate(iso: $0) } ?? today, ruleSet: ruleSet)
        if let poster, let threshold = Severity(rawValue: postSeverity) {
            report.posts = try await Interruption.cancellingOnInterrupt { [report] in
                // A dismissal's note is Closer's own bookkeeping, not a finding to note in Odoo.
                try await poster.post(report.findings.filter { !$0.isSetAsideNote }, atLeast: threshold, asOf: report.asOf)
            }
        }
        if common.json {
            try Output.json(report)
        } else if !report.findings.isEmpty || !report.comparison.resolved.isEmpty {
            CheckReportText.print(report)
        }
        if let posts = report.posts, !common.json { FindingPostText.print(posts) }
        if let threshold = Severity(rawValue: failOn), report.hasFinding(atLeast: threshold) { throw ExitCode(1) }
        if report.posts?.failed.isEmpty == false { throw ExitCode(1) }
    }
}

enum CheckReportText {
    static func print(_ report: CheckReport) {
        let counts = report.countsBySeverity
        Swift.print("\(report.company), \(report.period) (as of \(report.asOf)): " + Severity.allCases.map {
            "\(counts[$0.rawValue] ?? 0) \($0.rawValue)"
        }.joined(separator: ", "))
        if report.comparison.previousRunID != nil {
            Swift.print("  since the previous check: \(report.comparison.new.count) new, \(report.comparison.resolved.count) resolved, "
                        + "\(report.comparison.stillOpen.count) still open")
        }
        let screen = report.firstScreen
        Swift.print("\nFIRST SCREEN (\(screen.count) of \(report.findings.count): every blocking finding, then the warnings risky or material enough)")
        for finding in screen { Swift.print("  " + line(finding)) }
        let folded = report.foldedByCheck
        if !folded.isEmpty {
            let more = folded.reduce(0) { $0 + $1.count }
            Swift.print("\n… and \(more) more, by kind: " + folded.map { "\($0.checkID) \($0.count)" }.joined(separator: ", ")
                        + "; `closer findings` lists them (--json carries every finding with its rank).")
        }
        let setAside = report.setAside
        guard !setAside.isEmpty else { return }
        Swift.print("\nSET ASIDE by dismissals (their records are kept on each line):")
        for note in setAside { Swift.print("  - \(note.message)") }
    }

    /// "3. [warning] unusual-amount, 12,400.00 EUR (material, 2.48 %): message".
    static func line(_ finding: Finding) -> String {
        var facts = [finding.checkID]
        if let ranking = finding.ranking {
            var weight = ranking.amount.map { "\($0)" } ?? ""
            if ranking.materiality != .unknown {
                let percent = ranking.materialityBasisPoints.map { " \($0 / 100).\(String(format: "%02d", $0 % 100)) %" } ?? ""
                weight += (weight.isEmpty ? "" : " ") + "(\(ranking.materiality.rawValue)\(percent))"
            }
            if !weight.isEmpty { facts.append(weight) }
        }
        let rank = finding.ranking.map { "\($0.rank). " } ?? "- "
        return "\(rank)[\(finding.severity.rawValue)] \(facts.joined(separator: ", ")): \(finding.message)"
    }
}

struct ChecksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks", abstract: "The checks and anomaly detectors Closer runs.", subcommands: [List.self, Docs.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every check and detector with its id, kind and severity, from the registry.")
        @Flag(help: "Print as JSON, with explanations and the rule-set keys that tune each one.") var json = false

        func run() async throws {
            let entries = CheckCatalog.entries
            if json { return try Output.json(entries) }
            let width = entries.map(\.id.count).max() ?? 0
            for entry in entries {
                Swift.print(entry.id.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                            + (entry.kind + " " + entry.severity.rawValue).padding(toLength: 18, withPad: " ", startingAt: 0) + entry.title)
            }
        }
    }

    struct Docs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print docs/checks.md (Markdown) from the registry.")

        func run() async throws { Swift.print(CheckCatalog.markdown, terminator: "") }
    }
}
