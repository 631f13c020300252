import ArgumentParser
import CloseChecks
import CloseSettings
import CloseWorkflows
import Governance
import Ledger

extension FindingsCommand {
    struct Dismiss: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Dismiss a finding (or a group) with a reason: the next checks hide what the scope covers and say so in one line.",
            discussion: """
                --scope record hides this finding's records while their amounts stay the same; partner or account hides the check's \
                findings on the finding's partner or account; kind hides the whole check for the company (a controller, and --until \
                is required). A dismissal wider than the record never hides a blocking finding. A dismissal lasts at most the rule \
                set's triage.dismissal_max_days.
                """)
        @OptionGroup var scope: LedgerScope
        @OptionGroup var day: FindingsDay
        @Argument(help: "The finding's fingerprint, as `closer findings` shows it.") var fingerprint: String
        @Option(name: .customLong("scope"), help: "What it covers: record, partner, account or kind.") var covering: DismissalScope.Choice = .record
        @Option(help: "Why: the next controller and the auditors read it.") var reason: String
        @Option(help: "The last day it holds, YYYY-MM-DD (required with --scope kind).") var until: LocalDate?

        func run() async throws {
            let (ruleSet, store, key) = try scope.open()
            let dismissal = try FindingsService(store: store, actor: try scope.common.actor(store, for: .actOnFindings)).dismiss(
                fingerprint: fingerprint, scope: covering, reason: reason, until: until, sourceKey: key, period: try day.checkedPeriod(),
                asOf: day.date, rules: ruleSet.triage)
            if scope.common.json { return try Output.json(dismissal) }
            print("Dismissal #\(dismissal.id): \(dismissal.summary(on: day.date)) — the next `closer check` sets aside what it covers.")
        }
    }

    struct Dismissals: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The ledger's dismissals, newest first; withdraw one to see its findings again.",
            subcommands: [List.self, Withdraw.self], defaultSubcommand: List.self)

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the dismissals standing (with --all, the withdrawn ones too).")
            @OptionGroup var scope: LedgerScope
            @OptionGroup var day: FindingsDay
            @Flag(help: "Withdrawn dismissals too.") var all = false

            func run() async throws {
                let (store, key) = try scope.openStore()
                let dismissals = try FindingsService(store: store, actor: try scope.common.actor(store, for: nil))
                    .dismissals(sourceKey: key, includingWithdrawn: all)
                if scope.common.json { return try Output.json(dismissals) }
                print("\(dismissals.count) \(dismissals.count == 1 ? "dismissal" : "dismissals") of \(key) (as of \(day.date))")
                for dismissal in dismissals { print("  #\(dismissal.id)  \(dismissal.summary(on: day.date))") }
            }
        }

        struct Withdraw: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Withdraw a dismissal (whoever made it, or a controller): the next check shows what it hid.")
            @OptionGroup var scope: LedgerScope
            @Argument(help: "The dismissal's number, as `closer findings dismissals` shows it.") var id: Int64

            func run() async throws {
                let (store, key) = try scope.openStore()
                let dismissal = try FindingsService(store: store, actor: try scope.common.actor(store, for: .actOnFindings))
                    .withdrawDismissal(id: id, sourceKey: key)
                if scope.common.json { return try Output.json(dismissal) }
                print("Dismissal #\(dismissal.id) withdrawn: \(dismissal.summary(on: .todayUTC()))")
            }
        }
    }
}
