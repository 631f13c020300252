import ArgumentParser
import CloseSettings
import CloseWorkflows
import Expenses
import Foundation
import Governance
import Ledger

/// `closer expenses`: employees' expense reports against the company's policy.
struct ExpensesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expenses", abstract: "Expense controls: policy limits and receipts, near-duplicates, self-approval.", subcommands: [Check.self],
        defaultSubcommand: Check.self)

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check expense reports read live from Odoo against the rule set's `expenses` policy (limits per category, per day and per "
                + "report; receipts above an amount), for near-duplicates and receipts claimed twice, and for self-approval. Outside audit mode, "
                + "note each finding once on its report with a To-Do for the report's approver.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The rule-set file (default: ./closer-rules.yaml when present, else the built-in rules).") var rules: String?
        @Option(help: "Check the reports with an expense dated in this period, YYYY-MM (default: every report submitted and not yet paid).") var period: String?

        func validate() throws {
            if let period { do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) } }
        }

        func run() async throws {
            let ruleSet = try RuleSet.resolve(explicit: rules)
            let settings = try OdooSettings(resolving: common.resolver(flags: connection.flags))
            let store = try common.openStore()
            let service = ExpenseCheckService(store: store, settings: settings, rules: ruleSet.expenses,
                                              actor: try common.actor(store, for: settings.mode == .audit ? nil : .writeToOdoo))
            let report = try await service.check(period: try period.map { try Period(parsing: $0) }, asOf: LocalDate.todayUTC())
            if common.json { return try Output.json(report) }
            let scope = report.period.map { "with expenses in \($0)" } ?? "open"
            print("\(report.reports.count) expense reports \(scope) checked: "
                  + (report.findingCount == 0 ? "all within policy" : "\(report.findingCount) findings on \(report.reports.filter { !$0.findings.isEmpty }.count) reports")
                  + (report.writes ? "." : " (audit mode: nothing written to Odoo)."))
            if !report.approversKnown {
                print("Odoo did not show who approved the reports (their chatter is not readable): each report's manager stands in for its approver.")
            }
            for checked in report.reports where !checked.findings.isEmpty {
                print("  \(checked.name) (report \(checked.id)) of \(checked.employee), \(checked.total ?? "empty"), \(checked.state)"
                      + (checked.approver.map { ", approver \($0)" } ?? ""))
                for finding in checked.findings { print("    [\(finding.kind.rawValue)] \(finding.message)") }
            }
            if let posts = report.posts {
                print("Odoo: \(posts.posted.count) noted, \(posts.alreadyPosted.count) noted before, \(posts.failed.count) failed.")
                for failed in posts.failed { print("  not noted: \(failed.checkID) \(failed.reason ?? "")") }
            }
        }
    }
}
