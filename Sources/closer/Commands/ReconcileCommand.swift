import ArgumentParser
import BankMatching
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Ledger

struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Bank matching: propose matches for unreconciled statement lines, approve or reject them.",
        subcommands: [Propose.self, Approve.self, Reject.self, Withdraw.self, Apply.self, List.self], defaultSubcommand: Propose.self)

    struct Propose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "propose", abstract: "Propose matches for the statement lines dated up to the period's end that are not reconciled.")
        @OptionGroup var scope: LedgerScope
        @Option(help: "The period to close, YYYY-MM.") var period: String

        func validate() throws {
            do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) }
        }

        func run() async throws {
            let (service, key, rules) = try scope.reconcile(for: .prepare)
            let report = try service.propose(sourceKey: key, period: try Period(parsing: period), rules: rules)
            if scope.common.json { return try Output.json(report) }
            let counts = report.countsByDecision
            print("\(report.proposals.count) statement lines to match in \(report.period) (model v\(report.model.version), "
                  + "learned from \(report.model.trainedOn) examples): " + ["auto", "review", "escalate", "cannot-match"].map {
                      "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", "))
            for stored in report.proposals { ProposalText.print(stored) }
            if !report.proposals.isEmpty {
                print("\nApprove with `closer reconcile approve ID…` (or --all-auto), reject with `closer reconcile reject ID --reason …`.")
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve proposals waiting for review; each approval is audited and teaches the model.")
        @OptionGroup var scope: LedgerScope
        @Argument(help: "Proposal ids.") var ids: [Int64] = []
        @Flag(help: "Approve every waiting proposal the policy marked auto.") var allAuto = false
        @Option(help: "A comment kept with the approval.") var note: String?

        func validate() throws {
            if ids.isEmpty && !allAuto { throw ValidationError("Name proposal ids, or pass --all-auto.") }
        }

        func run() async throws {
            let (ruleSet, store, key) = try scope.open()
            let decided = try ReconcileService(store: store, actor: try scope.common.actor(store, for: .decide))
                .approve(ids: ids, allAuto: allAuto, sourceKey: key, note: note, policy: ruleSet.approvals, rules: ruleSet.matching)
            if scope.common.json { return try Output.json(decided) }
            try ReviewText.print(decided, id: \.id) { $0.proposal.best?.documents.joined(separator: ", ") ?? "" }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a proposal, with the reason; the model learns from it.")
        @OptionGroup var scope: LedgerScope
        @Argument(help: "Proposal id.") var id: Int64
        @Option(help: "Why the proposal is wrong.") var reason: String

        func run() async throws {
            let (ruleSet, store, key) = try scope.open()
            let review = try ReconcileService(store: store, actor: try scope.common.actor(store, for: .decide))
                .decide(id: id, sourceKey: key, approve: false, note: reason, policy: ruleSet.approvals, rules: ruleSet.matching)
            if scope.common.json { return try Output.json(review) }
            print("rejected \(review.proposal.id): \(reason)")
        }
    }

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write approved matches (in autonomous mode also those marked auto) to the Odoo they were pulled from.")
        @OptionGroup var scope: LedgerScope
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let (service, key, _) = try scope.reconcile(for: .writeToOdoo)
            let settings = try OdooSettings(resolving: scope.common.resolver(flags: connection.flags))
            let results = try await ReconcileApplyService(store: service.store, settings: settings, actor: service.actor).apply(sourceKey: key)
            if scope.common.json { return try Output.json(results) }
            if results.isEmpty { print("Nothing to apply: approve proposals first (`closer reconcile approve ID…`).") }
            for result in results { print("[\(result.proposalID)] statement line \(result.statementLineID): \(result.detail)") }
            if results.contains(where: { !$0.succeeded }) { throw ExitCode(1) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List stored proposals, optionally by status.")
        @OptionGroup var scope: LedgerScope
        @Option(help: "proposed, approved, rejected, applied, failed or superseded (default: all but superseded). Repeatable.") var status: [String] = []

        func run() async throws {
            let (service, key, _) = try scope.reconcile()
            // Superseded proposals were never decided: shown only when asked for. An unknown status matches nothing.
            let statuses = Set(status.isEmpty ? MatchProposalStatus.current : status.compactMap(MatchProposalStatus.init(rawValue:)))
            let stored = try service.store.matchProposals(sourceKey: key, statuses: statuses)
            if scope.common.json { return try Output.json(stored) }
            for proposal in stored { ProposalText.print(proposal) }
        }
    }
}

enum ProposalText {
    static func print(_ stored: StoredMatchProposal) {
        let proposal = stored.proposal
        let head = "\n[\(stored.id)] \(proposal.date) \(proposal.amount) '\(proposal.text)' — \(proposal.decision.rawValue)"
            + (stored.status == .proposed ? "" : " (\(stored.status.rawValue)\(stored.decidedBy.map { " by \($0)" } ?? ""))")
        Swift.print(head)
        guard !proposal.candidates.isEmpty else { return Swift.print("    \(proposal.reason)") }
        for (rank, candidate) in proposal.candidates.enumerated() {
            let account = candidate.writeOffAccount ?? candidate.writeOffAccountID.map { "account \($0)" } ?? "?"
            let what = candidate.documents.isEmpty ? "book to \(account)"
                : candidate.documents.joined(separator: " + ") + (candidate.writeOff.map { ", write off \($0.negated) to \(account)" } ?? "")
            Swift.print("    \(rank == 0 ? "→" : " ") \(String(format: "%.3f", candidate.probability)) \(candidate.shape.rawValue) \(what): \(candidate.reason)")
        }
    }
}

extension LedgerScope {
    /// The service acting as the user signed in for `action` (nil: work that decides nothing).
    func reconcile(for action: CloserAction? = nil) throws -> (service: ReconcileService, sourceKey: SourceKey, rules: MatchRules) {
        let (ruleSet, store, key) = try open()
        return (ReconcileService(store: store, actor: try common.actor(store, for: action)), key, ruleSet.matching)
    }
}
