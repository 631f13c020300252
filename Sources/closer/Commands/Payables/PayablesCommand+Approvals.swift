import ArgumentParser
import CloseSettings
import CloseWorkflows
import CloseStore
import Foundation
import Governance
import Ledger
import Payables

extension PayablesCommand {
    struct Approvals: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vendor bills on an approval route, oldest first: the level waiting, the roles that may decide it, its age and why; read-only.")
        @OptionGroup var common: CommonOptions
        @Option(help: "Which ledger (default: every ledger).") var source: SourceKey?
        @Option(help: "pending (default), approved, rejected or all.") var status: String = "pending"

        func validate() throws {
            guard BillApprovalQueue.statuses(named: status) != nil else {
                throw ValidationError("--status must be pending, approved, rejected or all.")
            }
        }

        /// One bill for `--json`: its route and decisions, and the level waiting (nil once decided).
        struct Entry: Encodable {
            var approval: BillApproval
            var waiting: BillApproval.Waiting?
        }

        func run() async throws {
            let store = try common.openStore()
            let approvals = try store.billApprovals(sourceKey: source, statuses: BillApprovalQueue.statuses(named: status) ?? [])
            if common.json { return try Output.json(["approvals": approvals.map { Entry(approval: $0, waiting: $0.waiting()) }]) }
            print(approvals.isEmpty ? "No vendor bills are \(status == "all" ? "on an approval route" : status)."
                  : "\(approvals.count) vendor bills \(status == "all" ? "on an approval route" : status):")
            for approval in approvals {
                print("  \(approval.sourceKey.text) bill \(approval.billID): \(approval.facts.billTitle), \(approval.facts.amount) — "
                      + (approval.waiting().map { "level \($0.level) of \($0.of) waiting for \(ApprovalLevel.anyOf($0.roles)), \($0.ageDays) days: \($0.reason)" }
                         ?? "\(approval.status.rawValue)"))
                for decision in approval.decisions {
                    print("    level \(decision.level) \(decision.approved ? "approved" : "rejected") by \(decision.approver)"
                          + (decision.onBehalfOf.map { " for \($0)" } ?? "") + " (\(decision.role)) at \(decision.decidedAt)"
                          + (decision.comment.map { ": \($0)" } ?? ""))
                }
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve (or --reject) the level of a vendor bill's route that waits: never a bill you entered or asked about, nor two "
                + "levels of one bill; a delegate decides for the approver whose delegation is in force.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The bill (account.move id).") var bill: Int
        @Option(help: "Which ledger the bill belongs to (default: the only one routing this bill id).") var source: SourceKey?
        @Flag(help: "Reject the bill: its route ends.") var reject = false
        @Option(help: "Why; required for a rejection, kept on the audit trail.") var comment: String?

        func run() async throws {
            let store = try common.openStore()
            let actor = try common.actor(store, for: .approveBill)
            let key = try source ?? Self.onlySource(of: bill, in: store)
            let approval = try store.decideBillApproval(sourceKey: key, billID: bill, approve: !reject, comment: comment, by: actor)
            if common.json { return try Output.json(approval) }
            let decision = approval.decisions.last
            print("\(reject ? "Rejected" : "Approved") level \(decision?.level ?? 0) of \(approval.facts.billTitle) as \(actor)"
                  + (decision?.onBehalfOf.map { " for \($0)" } ?? "") + ": "
                  + (approval.waiting().map { "level \($0.level) of \($0.of) now waits for \(ApprovalLevel.anyOf($0.roles))." }
                     ?? "the bill is \(approval.status.rawValue)."))
        }

        static func onlySource(of bill: Int, in store: AppDatabase) throws -> SourceKey {
            let sources = Set(try store.billApprovals(statuses: Set(BillApproval.Status.allCases)).filter { $0.billID == bill }.map(\.sourceKey))
            guard sources.count < 2 else {
                throw ValidationError("Bills \(bill) of several ledgers are routed (\(sources.map(\.text).sorted().joined(separator: ", "))): name one with --source.")
            }
            guard let source = sources.first else { throw ValidationError("Bill \(bill) is not on an approval route: `closer payables approvals --status all` lists those that are.") }
            return source
        }
    }

    struct Delegate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let another approver decide vendor-bill approvals in your name from one day to another (both included), e.g. while on holiday.")
        @OptionGroup var common: CommonOptions
        @Option(help: "The Closer login who decides for you.") var to: String
        @Option(name: .customLong("from"), help: "The first day, YYYY-MM-DD.") var starts: String
        @Option(help: "The last day, YYYY-MM-DD.") var until: String
        @Option(help: "Why, e.g. \"holiday\": kept on the audit trail.") var reason: String

        func validate() throws {
            for (flag, text) in [("--from", starts), ("--until", until)] where LocalDate(iso: text) == nil {
                throw ValidationError("\(flag) '\(text)' is not a date: write YYYY-MM-DD.")
            }
        }

        func run() async throws {
            let store = try common.openStore()
            let actor = try common.actor(store, for: .delegateApprovals)
            let delegation = try store.addApprovalDelegation(from: actor, to: to, startsOn: LocalDate(iso: starts)!, endsOn: LocalDate(iso: until)!,
                                                             reason: reason, actor: actor)
            if common.json { return try Output.json(delegation) }
            print("\(delegation.to) decides bill approvals for \(delegation.from) from \(delegation.startsOn) to \(delegation.endsOn) (\(delegation.reason)).")
        }
    }
}

extension PayablesCommand {
    struct Route: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put vendor bills read live from Odoo on their approval routes (the rule set's payables.approval, with the duplicate "
                + "scores intake kept), or show OCA tier validation's reviews where Odoo routes them; writes only to the store.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The rule-set file (default: ./closer-rules.yaml when present, else the built-in rules).") var rules: String?
        @Option(name: .customLong("bill"), help: "Route this bill (account.move id); repeat for several.") var bills: [Int]

        func run() async throws {
            let ruleSet = try RuleSet.resolve(explicit: rules)
            let settings = try OdooSettings(resolving: common.resolver(flags: connection.flags))
            let store = try common.openStore()
            let routing = BillApprovalRouting(store: store, rules: ruleSet.payables.approval, actor: try common.actor(store, for: .prepare))
            let report = try await routing.route(billIDs: bills, source: OdooGateway.source(settings), on: LocalDate.todayUTC())
            if common.json { return try Output.json(report) }
            if let reviews = report.tierReviews {
                print("OCA tier validation routes these bills in Odoo; its reviews:")
                for (bill, tiers) in reviews.sorted(by: { $0.key < $1.key }) {
                    print("  bill \(bill): " + (tiers.isEmpty ? "no review requested" : tiers.map { "tier \($0.tier) \($0.name ?? "") \($0.status)"
                        + ($0.doneBy.map { " by \($0)" } ?? $0.reviewer.map { " (\($0))" } ?? "") }.joined(separator: "; ")))
                }
                return
            }
            print("\(report.routed.count) vendor bills on an approval route, \(report.touchless.count) touchless.")
            for approval in report.routed {
                print("  \(approval.facts.billTitle), \(approval.facts.amount) — \(approval.status.rawValue)")
                for (index, level) in approval.route.levels.enumerated() { print("    \(index + 1). \(level.roleList): \(level.reason)") }
            }
        }
    }
}
