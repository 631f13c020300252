import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance

/// `closer operations`: the open business exceptions of every area with owner, age and SLA, and apart from them the
/// technical incidents that are the administrator's.
struct OperationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operations",
        abstract: "Every open business exception (payables, receivables, treasury, expenses, duties) with its owner, age and SLA, most overdue "
            + "first; and apart, the technical incidents (Odoo unreachable, webhook dead letters, failed runs) that page the administrator.")

    @OptionGroup var common: CommonOptions
    @Option(help: "The rule-set file whose `operations` section gives owners and SLAs (default: ./closer-rules.yaml when present, else built-in).")
    var rules: String?

    func run() async throws {
        let board = try OperationsBoard(store: try common.openStore(), rules: try RuleSet.resolve(explicit: rules))
        if common.json { return try Output.json(board) }
        print("\(board.exceptions.count) open business exception(s), \(board.overdue.count) past their SLA; \(board.incidents.count) technical incident(s).")
        for family in ExceptionFamily.allCases {
            let open = board.exceptions.filter { $0.family == family }
            guard !open.isEmpty else { continue }
            print("\(family.rawValue.capitalized):")
            for exception in open {
                let age = exception.ageDays(asOf: board.asOf)
                let late = exception.isOverdue(asOf: board.asOf) ? "OVERDUE " : ""
                print("  \(late)\(exception.kind)  \(exception.subject)  owner \(exception.owner), \(age) of \(exception.slaDays) day(s)\n      \(exception.reason)")
            }
        }
        if !board.incidents.isEmpty { print("Technical incidents (the administrator's):") }
        for incident in board.incidents {
            print("  \(incident.kind.rawValue)  \(incident.subject) since \(incident.since)\n      \(incident.detail)")
        }
    }
}
