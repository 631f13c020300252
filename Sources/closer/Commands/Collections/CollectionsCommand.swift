import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Ledger
import Receivables

/// `closer collections`: cash coming in — the worklist ranked by cash at risk, reminders, promises and disputes.
struct CollectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collections", abstract: "Receivables: the collections worklist, payment reminders, promises to pay, disputes, credit holds and measures (DSO).",
        subcommands: [Worklist.self, Reminders.self, Promise.self, Promises.self, Dispute.self, Disputes.self, CollectionsHoldsCommand.self, CollectionsMeasuresCommand.self],
        defaultSubcommand: Worklist.self)

    struct Worklist: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open customer invoices, the most cash at risk first (open amount × probability of paying late), with the predicted pay date "
                + "and the reason; read-only.")
        @OptionGroup var scope: LedgerScope
        @Option(help: "The day judged, YYYY-MM-DD (default: today, or the last day pulled when earlier).") var asOf: LocalDate?
        @Option(help: "Show only the first N invoices.") var limit: Int?

        func run() async throws {
            let (ruleSet, store, key) = try scope.open()
            let report = try CollectionsWorklistService(store: store).worklist(sourceKey: key, asOf: asOf, rules: ruleSet.receivables, limit: limit)
            if scope.common.json { return try Output.json(report) }
            print("\(report.openInvoices) open customer invoices of \(report.source) as of \(report.asOf): \(report.open) open, \(report.cashAtRisk) at risk.")
            for entry in report.entries {
                let prediction = entry.prediction, invoice = prediction.invoice
                var line = "  \(invoice.name)  \(invoice.customerName)  open \(invoice.open)  at risk \(prediction.cashAtRisk)  "
                    + "p(late) \(prediction.probabilityBasisPoints / 100) %  expected \(prediction.predictedPayDate)"
                if let dispute = entry.dispute { line += "  [disputed: \(dispute)]" }
                if let promised = entry.promisedOn { line += "  [promised by \(promised)]" }
                print(line + "\n      " + entry.reason)
            }
        }
    }

    /// `--status`: one of the queue's statuses, or all of them; nil for a name that is neither.
    static func statuses<Status: RawRepresentable & CaseIterable>(_ name: String) -> Set<Status>? where Status.RawValue == String {
        name == "all" ? Set(Status.allCases) : Status(rawValue: name).map { [$0] }
    }

    /// The Odoo the ledger came from when one is configured: collections checks it live; without one it works from the store.
    static func configuredOdoo(_ common: CommonOptions, _ connection: ConnectionOptions) throws -> OdooSettings? {
        let resolver = try common.resolver(flags: connection.flags)
        return resolver.string(.odooURL) == nil ? nil : try OdooSettings(resolving: resolver)
    }
}
