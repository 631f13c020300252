import ArgumentParser
import CloseSettings
import CloseWorkflows
import Foundation
import Ledger
import Payables

/// `closer payables`: the controls on money about to leave — duplicate bills first.
struct PayablesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payables", abstract: "Payables controls: duplicate vendor bills.", subcommands: [Duplicates.self], defaultSubcommand: Duplicates.self)

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
}
