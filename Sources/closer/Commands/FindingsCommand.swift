import ArgumentParser
import CloseChecks
import CloseSettings
import CloseStore
import CloseWorkflows
import Governance
import Ledger

struct FindingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "The stored findings of a period's latest check (nothing is checked again); acknowledge, waive or dismiss one, with a reason.",
        subcommands: [List.self, Waive.self, Acknowledge.self, Dismiss.self, Dismissals.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the latest check's findings with their fingerprints and waivers.")
        @OptionGroup var scope: LedgerScope
        @OptionGroup var day: FindingsDay
        @Option(help: "Only this severity: blocking, warning or advisory.") var severity: Severity?
        @Option(help: "Only this check's findings (`closer checks list` names them).") var check: String?
        @Flag(help: "Only findings waived on the day (--waived) or only those not (--not-waived).") var waived: WaivedFilter?

        func run() async throws {
            let (store, key) = try scope.openStore()
            let filter = FindingsService.Filter(severity: severity, checkID: check, waived: waived.map { $0 == .waived })
            let list = try FindingsService(store: store, actor: try scope.common.actor(store, for: nil))
                .list(sourceKey: key, period: try day.checkedPeriod(), filter: filter, asOf: day.date)
            if scope.common.json { return try Output.json(list) }
            print("\(list.findings.count) of \(list.checked) findings of \(list.source), \(list.period) (latest check, as of \(list.asOf))")
            for listed in list.findings {
                print("  \(listed.finding.severity.rawValue.uppercased())  \(listed.fingerprint)\n      \(listed.finding.message)")
                if let waiver = listed.waiver { print("      \(waiver.summary(on: list.asOf))") }
            }
        }
    }

    struct Waive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Waive a finding until a day (a controller): it stays listed but blocks neither the lock nor the checklist until then, or until it changes.")
        @OptionGroup var aside: FindingAside
        @Option(help: "The last day the waiver holds, YYYY-MM-DD.") var until: LocalDate

        func run() async throws { try aside.run(.waived, until: until) }
    }

    struct Acknowledge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Acknowledge a finding (someone is on it): it leaves the to-do lists but still blocks.")
        @OptionGroup var aside: FindingAside
        @Option(help: "The last day the acknowledgement holds, YYYY-MM-DD (default: while the finding stays the same).") var until: LocalDate?

        func run() async throws { try aside.run(.acknowledged, until: until) }
    }

    enum WaivedFilter: String, EnumerableFlag {
        case waived, notWaived
    }
}

/// The period and the day findings are read for.
struct FindingsDay: ParsableArguments {
    @Option(help: "The checked period, YYYY-MM (default: the latest period checked).") var period: String?
    @Option(help: "The day waivers are judged on, YYYY-MM-DD (default: today, UTC).") var asOf: LocalDate?

    func validate() throws {
        if let period { do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) } }
    }

    func checkedPeriod() throws -> Period? { try period.map(Period.init(parsing:)) }
    var date: LocalDate { asOf ?? .todayUTC() }
}

/// What acknowledging and waiving share: which finding, why, and the day.
struct FindingAside: ParsableArguments {
    @OptionGroup var scope: LedgerScope
    @OptionGroup var day: FindingsDay
    @Argument(help: "The finding's fingerprint, as `closer findings` shows it.") var fingerprint: String
    @Option(help: "Why: the reviewers and the auditors read it.") var reason: String

    func run(_ kind: FindingWaiverKind, until: LocalDate?) throws {
        let (store, key) = try scope.openStore()
        let listed = try FindingsService(store: store, actor: try scope.common.actor(store, for: .actOnFindings)).setAside(
            fingerprint: fingerprint, kind: kind, reason: reason, until: until, sourceKey: key, period: try day.checkedPeriod(), asOf: day.date)
        if scope.common.json { return try Output.json(listed) }
        print("\(listed.waiver?.summary(on: day.date) ?? kind.rawValue) — \(listed.fingerprint)")
    }
}
