import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Ledger
import Receivables

/// `closer collections holds`: credit holds on customers over their credit limit or seriously overdue — the
/// queue, a review of Odoo that proposes and releases them, and the decisions.
struct CollectionsHoldsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holds", abstract: "Credit holds: customers over their credit limit (receivable plus confirmed orders not yet invoiced) "
            + "or seriously overdue, blocked for new sales in Odoo once approved, released when back within policy.",
        subcommands: [Review.self, Approve.self, Reject.self], defaultSubcommand: Review.self)

    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Without flags, the holds in the store (read-only). --propose reads every customer's credit live from Odoo, proposes a hold "
                + "for each over policy and releases holds of customers back within policy (putting back their previous sales warning outside "
                + "audit mode); --apply also sets approved holds in Odoo as the customer's blocking sales warning (not in audit mode).")
        @OptionGroup var common: CommonOptions
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The rule-set file (default: ./closer-rules.yaml when present, else the built-in rules).") var rules: String?
        @Flag(help: "Read Odoo, propose holds for customers over policy and release those back within it.") var propose = false
        @Flag(help: "Read Odoo and apply approved holds in Odoo (needs a mode that writes).") var apply = false
        @Option(help: "Which holds to list without --propose/--apply: open (default), proposed, approved, applied, released, rejected or all.")
        var status: String = "open"

        func validate() throws {
            guard CreditHoldStatus.named(status) != nil else { throw ValidationError("--status must be \(CreditHoldStatus.filterNames).") }
        }

        func run() async throws {
            let store = try common.openStore()
            guard propose || apply else {
                let holds = try store.creditHolds(statuses: CreditHoldStatus.named(status) ?? [])
                if common.json { return try Output.json(["holds": holds]) }
                print(holds.isEmpty ? "No credit holds are \(status)." : "\(holds.count) credit holds \(status):")
                holds.forEach { print(CollectionsHoldsCommand.line($0)) }
                return
            }
            let ruleSet = try RuleSet.resolve(explicit: rules)
            let settings = try OdooSettings(resolving: common.resolver(flags: connection.flags))
            let actor = try common.actor(store, for: settings.mode == .audit ? nil : .writeToOdoo)
            let run = try await CreditHoldService(store: store, settings: settings, rules: ruleSet.receivables.credit)
                .run(asOf: LocalDate.todayUTC(), propose: propose, apply: apply, actor: actor)
            if common.json { return try Output.json(run) }
            let over = run.verdicts.filter { !$0.withinPolicy }
            print("\(over.count) customers over the credit policy on \(run.asOf): \(run.proposed.count) holds proposed, \(run.applied.count) applied, "
                  + "\(run.released.count) released" + (run.writes ? "." : " (audit mode: nothing written to Odoo)."))
            for verdict in over { print("  \(verdict.credit.customerName): \(verdict.reasons.joined(separator: "; "))") }
            for hold in run.proposed { print("Proposed: \(CollectionsHoldsCommand.line(hold))") }
            for hold in run.applied { print("Applied in Odoo: \(CollectionsHoldsCommand.line(hold))") }
            for hold in run.released { print("Released: \(CollectionsHoldsCommand.line(hold))") }
            for note in run.notes { print("NOTE: \(note)") }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve a proposed credit hold (an approver or controller who did not propose it); outside audit mode it is applied in Odoo at once.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The hold's id.") var id: Int64

        func run() async throws {
            let store = try common.openStore()
            let actor = try common.actor(store, for: .decideCreditHold)
            // Without an Odoo connection the approval stands in the store; the next `--apply` sets it in Odoo.
            let settings = try? OdooSettings(resolving: common.resolver(flags: connection.flags))
            let hold = try await CreditHoldService.approve(store: store, settings: settings, id: id, actor: actor)
            if common.json { return try Output.json(hold) }
            print((hold.status == .applied ? "Approved and applied in Odoo: " : "Approved: ") + CollectionsHoldsCommand.line(hold))
            if hold.status == .approved { print("Odoo is not blocked yet: `closer collections holds --apply` outside audit mode sets it.") }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a credit hold not yet applied in Odoo, with the reason (an approver or controller).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The hold's id.") var id: Int64
        @Option(help: "Why the customer is not held: kept on the audit trail.") var reason: String

        func run() async throws {
            let store = try common.openStore()
            let hold = try CreditHoldService.reject(store: store, id: id, reason: reason, actor: try common.actor(store, for: .decideCreditHold))
            if common.json { return try Output.json(hold) }
            print("Rejected: \(CollectionsHoldsCommand.line(hold))")
        }
    }

    /// "#3 Acme Retail — applied (proposed by carla, approved by erin): owes …"
    static func line(_ hold: CreditHold) -> String {
        let steps = hold.steps.map { "\($0.name) by \($0.step.by) \($0.step.at.prefix(10))" }
        return "  #\(hold.id) \(hold.partnerName) — \(hold.status.rawValue) (\(steps.joined(separator: ", "))): \(hold.reasons.joined(separator: "; "))"
            + (hold.closed?.reason.map { ". \($0.prefix(1).uppercased() + $0.dropFirst())" } ?? "")
    }
}
