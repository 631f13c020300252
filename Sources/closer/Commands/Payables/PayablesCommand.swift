import ArgumentParser
import CloseSettings
import CloseWorkflows
import Foundation
import Ledger
import Payables

/// `closer payables`: the controls on money about to leave — duplicate bills first.
struct PayablesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payables", abstract: "Payables controls: duplicate vendor bills, purchase-order match, intake holds and payment blocks, approval routing.", subcommands: [Duplicates.self, Match.self, Intake.self, Holds.self, Release.self, Route.self, Approvals.self, Approve.self, Delegate.self],
        defaultSubcommand: Duplicates.self)

    struct Duplicates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The period's vendor bills that look like a bill already in the store (any ledger), each with its score and reason; read-only.")
        @OptionGroup var scope: LedgerScope
        @Option(help: "The period whose bills are checked, YYYY-MM.") var period: String

        func validate() throws {
            do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) }
        }

        func run() async throws {
            let (ruleSet, store, key) = try scope.open()
            let report = try DuplicateBillService(store: store).duplicates(sourceKey: key, period: try Period(parsing: period),
                                                                          rules: ruleSet.payables.duplicates)
            if scope.common.json { return try Output.json(report) }
            print("\(report.checked) vendor bills of \(report.period) checked against \(report.searched) stored: "
                  + (report.hits.isEmpty ? "no duplicates." : "\(report.hits.count) look like duplicates."))
            for hit in report.hits {
                print("  \(String(format: "%.2f", hit.score)) [\(hit.signals.map(\.rawValue).joined(separator: ", "))] \(hit.reason)")
            }
        }
    }

    struct Match: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Match the period's vendor bills, line by line, against their purchase orders (2-way, and 3-way for products billed on "
                + "receipt), read live from Odoo; read-only.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The rule-set file (default: ./closer-rules.yaml when present, else the built-in rules).") var rules: String?
        @Option(help: "The period whose bills are matched (invoice date), YYYY-MM.") var period: String

        func validate() throws {
            do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) }
        }

        func run() async throws {
            let ruleSet = try RuleSet.resolve(explicit: rules)
            let settings = try OdooSettings(resolving: common.resolver(flags: connection.flags))
            let report = try await PurchaseMatchService(settings: settings).match(period: try Period(parsing: period), rules: ruleSet.payables.matching)
            if common.json { return try Output.json(report) }
            print("\(report.bills.count) vendor bills of \(report.period): \(report.touchless) matched without exception, "
                  + "\(report.bills.count - report.touchless) with \(report.exceptions.count) exceptions.")
            for bill in report.bills where !bill.isMatched {
                for exception in bill.exceptions { print("  [\(exception.kind.rawValue)] \(exception.message) Fix: \(exception.fix)") }
            }
        }
    }
}
