import ArgumentParser
import CloseChecks
import CloseSettings
import CloseStore
import CloseWorkflows
import Governance
import Ledger

struct TodoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "todo",
        abstract: "What is left for you (CLOSER_ACTOR or CLOSER_TOKEN's user, or --user) in the period: approvals you may give, your due tasks, findings to act on.")
    @OptionGroup var scope: LedgerScope
    @Option(help: "The period, YYYY-MM (default: the latest checklist, else the latest period checked).") var period: String?
    @Option(help: "Whose list (default: CLOSER_ACTOR, else CLOSER_TOKEN's user, else the OS user).") var user: String?
    @Option(help: "The day due dates and waivers are judged on, YYYY-MM-DD (default: today, UTC).") var asOf: LocalDate?

    func validate() throws {
        if let period { do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) } }
    }

    func run() async throws {
        let (ruleSet, store, key) = try scope.open()
        let list = try TodoService(store: store).todo(for: user ?? SignedInUser().listOwner(store), sourceKey: key, period: try period.map(Period.init(parsing:)),
                                                      asOf: asOf ?? .todayUTC(), policy: ruleSet.approvals)
        if scope.common.json { return try Output.json(list) }
        print("For \(list.login) (\(list.roles.map(\.rawValue).joined(separator: ", "))), \(list.source) \(list.period) as of \(list.asOf): \(list.summary)")
        if !list.approvals.isEmpty { print("Approvals waiting for you:") }
        for review in list.approvals {
            let command = review.proposal.kind == .bankMatch ? "closer reconcile approve" : "closer approve"
            print("  \(review.proposal.kind.rawValue) \(review.proposal.id)  \(review.amount?.description ?? "")  \(review.summary)  (`\(command) \(review.proposal.id)`)")
        }
        if !list.tasks.isEmpty { print("Checklist tasks due:") }
        for row in list.tasks {
            print("  \(row.status.rawValue.uppercased())  \(row.task.key), due \(row.task.dueDate) (day \(row.task.due)): \(row.task.title)")
        }
        if !list.findings.isEmpty { print("Findings:") }
        for item in list.findings {
            print("  \(item.listed.finding.severity.rawValue.uppercased())\(item.yours ? " (on your entry)" : "")  \(item.listed.fingerprint)\n      \(item.listed.finding.message)")
        }
    }
}
