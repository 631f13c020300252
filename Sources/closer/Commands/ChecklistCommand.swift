import ArgumentParser
import CloseSettings
import CloseWorkflows
import Foundation
import Governance
import Ledger
import CloseStore

struct ChecklistCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Show the period's close checklist: instantiated from the template the first time, automatic tasks completed from the store.")

    @OptionGroup var scope: LedgerScope
    @Option(help: "The period to close, YYYY-MM.") var period: String
    @Option(help: "The day to judge due dates by, YYYY-MM-DD (default: today, UTC).") var asOf: String?
    @Option(help: "The checklist template, YAML (default: the built-in one, rules/close-checklist.yaml).") var template: String?
    @Flag(help: "Assign each open task whose owner maps to an Odoo user as an Odoo To-Do, once (needs --mode supervised or autonomous).")
    var assign = false
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) }
        if let asOf, LocalDate(iso: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date: write YYYY-MM-DD.") }
    }

    func run() async throws {
        let chosen = try ChecklistTemplate.resolve(explicit: template)   // a malformed template stops here, before the store is touched
        let (store, key) = try scope.openStore()
        let actor = try scope.common.actor(store, for: assign ? .writeToOdoo : nil)
        // Built before anything is recorded, so a wrong mode or connection stops the command at once.
        let assigner = try assign ? ChecklistAssignService(
            store: store, settings: OdooSettings(resolving: scope.common.resolver(flags: connection.flags)), sourceKey: key, actor: actor) : nil
        var board = try ChecklistService(store: store, actor: actor).board(
            sourceKey: key, period: try Period(parsing: period), asOf: LocalDate.asOf(asOf), template: chosen)
        if let assigner {
            board.assignment = try await Interruption.cancellingOnInterrupt { [board] in try await assigner.assign(board) }
        }
        if scope.common.json { return try Output.json(board) }
        ChecklistText.print(board)
        if board.assignment?.failed.isEmpty == false { throw ExitCode(1) }
    }
}

struct TaskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "task", abstract: "Act on a close-checklist task.", subcommands: [Done.self, Reopen.self])

    struct Done: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign off a manual checklist task with a comment (its dependencies must be done).")
        @OptionGroup var task: TaskArguments
        @Option(help: "What was done or reviewed: reviewers and auditors read it.") var comment: String

        func run() async throws {
            try task.run({ "Signed off \(task.id) (\($0.period)); checklist \($0.summary)." }) { service, key, period in
                try service.signOff(sourceKey: key, period: period, taskKey: task.id, comment: comment, asOf: LocalDate.asOf(nil))
            }
        }
    }
}

/// Which task `closer task done` and `closer task reopen` act on.
struct TaskArguments: ParsableArguments {
    @OptionGroup var scope: LedgerScope
    @Argument(help: "The task's id, as `closer checklist` shows it, e.g. flux-reviewed.") var id: String
    @Option(help: "The checklist's period, YYYY-MM (default: the latest checklist).") var period: String?

    func validate() throws {
        if let period { do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) } }
    }

    /// Acts on the task as the signed-in user with `act(service, ledger, period)` and prints the board (`--json`) or `line`.
    func run(_ line: (ChecklistBoard) -> String, _ act: (ChecklistService, SourceKey, Period?) throws -> ChecklistBoard) throws {
        let (store, key) = try scope.openStore()
        let board = try act(ChecklistService(store: store, actor: try scope.common.actor(store, for: .signOff)), key, try period.map(Period.init(parsing:)))
        if scope.common.json { return try Output.json(board) }
        print(line(board))
    }
}

enum ChecklistText {
    static func print(_ board: ChecklistBoard) {
        Swift.print("Close checklist \(board.source), \(board.period) (as of \(board.asOf)), template \(board.templateOrigin): \(board.summary)")
        if let note = board.templateNote { Swift.print("  note: \(note)") }
        let width = board.rows.map(\.task.key.count).max() ?? 0
        for row in board.rows {
            let task = row.task
            Swift.print("  " + row.status.rawValue.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0)
                        + task.key.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                        + "\(task.owner), due \(task.dueDate) (day \(task.due > 0 ? "+" : "")\(task.due))  \(task.title)")
            if task.isDone {
                let how = task.comment.map { "“\($0)”" } ?? task.evidence?.summary ?? ""
                Swift.print("            done by \(task.completedBy ?? "?") at \(task.completedAt ?? "?"): \(how)")
            }
            if let regressed = row.regressed { Swift.print("            regressed: \(regressed)") }
            if !row.blockedBy.isEmpty { Swift.print("            blocked by: \(row.blockedBy.joined(separator: ", "))") }
            if !row.waitingOn.isEmpty { Swift.print("            waiting on: \(row.waitingOn.joined(separator: "; "))") }
        }
        guard let assignment = board.assignment else { return }
        Swift.print("Odoo To-Dos: \(assignment.assigned.count) assigned, \(assignment.alreadyAssigned.count) already assigned, "
                    + "\(assignment.skipped.count) skipped, \(assignment.failed.count) failed")
        for (label, outcomes) in [("assigned", assignment.assigned), ("skipped", assignment.skipped), ("failed", assignment.failed)] {
            for outcome in outcomes { Swift.print("  \(label) \(outcome.task): \(outcome.detail)") }
        }
    }
}

extension LocalDate {
    /// `--as-of` when given, else today (UTC).
    static func asOf(_ text: String?) -> LocalDate {
        text.flatMap { LocalDate(iso: $0) } ?? .todayUTC()
    }
}
