import Adjustments
import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Ledger

extension LedgerScope {
    /// The service acting as the user signed in for `action` (nil: work that decides nothing).
    func adjustments(for action: CloserAction? = nil) throws -> (service: AdjustmentService, sourceKey: SourceKey, rules: AdjustmentRules) {
        let (ruleSet, store, key) = try open()
        return (AdjustmentService(store: store, actor: try common.actor(store, for: action)), key, ruleSet.adjustments)
    }
}

struct ProposeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose",
        abstract: "Draft the period's adjusting entries (accruals, deferral releases, …) for review; nothing is written to Odoo.")
    @OptionGroup var scope: LedgerScope
    @Option(help: "The period to close, YYYY-MM.") var period: String

    func validate() throws {
        do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) }
    }

    func run() async throws {
        let (service, key, rules) = try scope.adjustments(for: .prepare)
        let report = try service.propose(sourceKey: key, period: try Period(parsing: period), rules: rules)
        if scope.common.json { return try Output.json(report) }
        print("\(report.proposals.count) adjusting entries proposed for \(report.period)"
              + (report.refused.isEmpty ? "" : ", \(report.refused.count) refused") + ":")
        for stored in report.proposals { AdjustmentText.summary(stored) }
        for refused in report.refused { print("  refused \(refused.proposal.entry.ref): \(refused.reason)") }
        if !report.deferrals.isEmpty {
            print("\nDeferral schedules after \(report.period):")
            for position in report.deferrals {
                let schedule = position.schedule
                print("  \(schedule.label) (\(schedule.firstMonth)…\(schedule.lastMonth)): \(schedule.total.magnitude) total, "
                      + "\(position.releasedThroughPeriod.magnitude) released, \(position.remaining.magnitude) remaining")
            }
        }
        if !report.proposals.isEmpty { print("\nReview with `closer proposals show ID`, then `closer approve ID…` or `closer reject ID --reason …`.") }
    }
}

struct ProposalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposals", abstract: "List adjusting-entry proposals, or show one with its entry, calculation and evidence.",
        subcommands: [List.self, Show.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List proposals, optionally of one period and status.")
        @OptionGroup var scope: LedgerScope
        @Option(help: "Only this period, YYYY-MM.") var period: String?
        @Option(help: "proposed, approved, rejected, applied, failed, rolled-back or withdrawn.") var status: [String] = []

        func run() async throws {
            let (service, key, _) = try scope.adjustments()
            let statuses = try status.map { text in
                guard let status = AdjustmentStatus(rawValue: text) else {
                    throw ValidationError("'\(text)' is not a status (\(AdjustmentStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return status
            }
            let stored = try service.store.adjustments(sourceKey: key, period: try period.map(Period.init(parsing:)),
                                                       statuses: statuses.isEmpty ? nil : Set(statuses))
            if scope.common.json { return try Output.json(stored) }
            if stored.isEmpty { print("No proposals: `closer propose --period YYYY-MM` drafts them.") }
            for proposal in stored { AdjustmentText.summary(proposal) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one proposal in full.")
        @OptionGroup var scope: LedgerScope
        @Argument(help: "Proposal id.") var id: Int64

        func run() async throws {
            let (service, key, _) = try scope.adjustments()
            let stored = try service.store.adjustment(id: id, sourceKey: key)
            if scope.common.json { return try Output.json(stored) }
            AdjustmentText.detail(stored, snapshot: try service.store.loadSnapshot(sourceKey: key))
        }
    }
}

struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve adjusting-entry proposals under the rule set's approval policy; each approval is audited with the hash of what was approved.")
    @OptionGroup var scope: LedgerScope
    @Argument(help: "Proposal ids.") var ids: [Int64] = []
    @Flag(help: "Every proposal waiting for review (of --period if given) that the policy lets you approve; the rest are listed with why.")
    var all = false
    @Option(help: "With --all: only the proposals of this period (YYYY-MM).") var period: String?
    @Option(help: "With --all: only proposals at or above this confidence (0 to 1).") var minConfidence: Double = 0
    @Option(help: "A comment kept with the approval.") var note: String?

    func validate() throws {
        if ids.isEmpty == !all { throw ValidationError("Name proposal ids, or pass --all (not both).") }
        if !all && (period != nil || minConfidence != 0) { throw ValidationError("--period and --min-confidence go with --all.") }
        if !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence must be between 0 and 1.") }
    }

    func run() async throws {
        let (ruleSet, store, key) = try scope.open()
        let service = AdjustmentService(store: store, actor: try scope.common.actor(store, for: .decide))
        let decided = all
            ? try service.approveWaiting(sourceKey: key, period: try period.map(Period.init(parsing:)), minConfidence: minConfidence, note: note,
                                         policy: ruleSet.approvals)
            : try service.approve(ids: ids, sourceKey: key, note: note, policy: ruleSet.approvals)
        if scope.common.json { return try Output.json(decided) }
        try ReviewText.print(decided, id: \.id) { "\($0.proposal.entry.ref) (evidence \($0.evidenceSHA256.prefix(12)))" }
    }
}

struct RejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject an adjusting-entry proposal, with the reason.")
    @OptionGroup var scope: LedgerScope
    @Argument(help: "Proposal id.") var id: Int64
    @Option(help: "Why the proposal is wrong.") var reason: String

    func run() async throws {
        let (ruleSet, store, key) = try scope.open()
        let review = try AdjustmentService(store: store, actor: try scope.common.actor(store, for: .decide))
            .decide(ids: [id], sourceKey: key, approve: false, note: reason, policy: ruleSet.approvals)[0]
        if scope.common.json { return try Output.json(review) }
        print("rejected \(review.proposal.id): \(reason)")
    }
}

struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Write approved adjusting entries to the Odoo they were pulled from, as drafts, in one batch that can be rolled back.")
    @OptionGroup var scope: LedgerScope
    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "Proposal ids (default: every approved proposal, and those that failed before).") var ids: [Int64] = []

    func run() async throws {
        let (service, key, rules) = try scope.adjustments(for: .writeToOdoo)
        let settings = try OdooSettings(resolving: scope.common.resolver(flags: connection.flags))
        let report = try await AdjustmentApplyService(store: service.store, settings: settings, actor: service.actor, rules: rules)
            .apply(sourceKey: key, ids: ids.isEmpty ? nil : ids)
        if scope.common.json { return try Output.json(report) }
        guard let batch = report.batchID else { return print("Nothing to apply: approve proposals first (`closer approve ID…`).") }
        for result in report.results { print("[\(result.proposalID)] \(result.applied ? "applied" : "FAILED"): \(result.detail)") }
        print("Batch \(batch): \(report.created) entries created in Odoo, \(report.failed) proposals failed. Undo with `closer rollback \(batch)`.")
        if report.failed > 0 { throw ExitCode(1) }
    }
}

struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback", abstract: "Undo an apply batch: its drafts are deleted, posted entries reversed through Odoo's reversal.")
    @OptionGroup var scope: LedgerScope
    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The batch id `closer apply` printed.") var batch: Int64

    func run() async throws {
        let (service, key, rules) = try scope.adjustments(for: .writeToOdoo)
        let settings = try OdooSettings(resolving: scope.common.resolver(flags: connection.flags))
        let report = try await AdjustmentApplyService(store: service.store, settings: settings, actor: service.actor, rules: rules)
            .rollback(sourceKey: key, batchID: batch)
        if scope.common.json { return try Output.json(report) }
        if report.alreadyRolledBack { return print("Batch \(batch) was rolled back already; nothing to do.") }
        for entry in report.undone { print("[\(entry.proposalID)] \(entry.role) \(entry.odooMoveID): \(entry.outcome)") }
        for failure in report.failures { print("FAILED \(failure)") }
        print(report.unchangedSinceBefore ? "Odoo holds the same Closer entries for these proposals as before batch \(batch)."
              : "Odoo differs from before batch \(batch): " + report.differences.joined(separator: "; "))
        if !report.failures.isEmpty || !report.unchangedSinceBefore { throw ExitCode(1) }
    }
}

enum AdjustmentText {
    static func summary(_ stored: StoredAdjustment) {
        let proposal = stored.proposal
        print("  [\(stored.id)] \(stored.status.rawValue) \(proposal.kind.rawValue) \(proposal.entry.date) \(proposal.entry.total?.description ?? "") "
              + "\(proposal.entry.ref) — confidence \(String(format: "%.2f", proposal.confidence))"
              + (stored.decidedBy.map { " (decided by \($0))" } ?? "") + (stored.note.map { ": \($0)" } ?? ""))
    }

    static func detail(_ stored: StoredAdjustment, snapshot: LedgerSnapshot) {
        let proposal = stored.proposal
        let accounts = Dictionary(snapshot.accounts.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let journal = snapshot.journals.first { $0.id == proposal.entry.journalID }?.code ?? String(proposal.entry.journalID)
        summary(stored)
        print("  \(proposal.kind.title) for \(proposal.company.name), \(proposal.period); key \(stored.idempotencyKey)")
        print("  Reason: \(proposal.reason)")
        print("  Entry in \(journal) dated \(proposal.entry.date)" + (proposal.entry.reversalDate.map { ", reversed on \($0)" } ?? "") + ":")
        for line in proposal.entry.lines {
            let side = line.amount.isNegative ? "Cr" : "Dr"
            print("    \(side) \(accounts[line.accountID] ?? "account \(line.accountID)")  \(line.amount.magnitude)  \(line.label)"
                  + (line.analytic == nil ? "" : "  [analytic]"))
        }
        print("  Calculation:")
        for step in proposal.calculation { print("    - \(step.description)" + (step.amount.map { ": \($0)" } ?? "")) }
        print("  Evidence:")
        for record in proposal.evidence { print("    - \(record.model) \(record.id) \(record.name)" + (record.link.map { "  \($0)" } ?? "")) }
        print("  Evidence hash: \(stored.evidenceSHA256)")
    }
}
