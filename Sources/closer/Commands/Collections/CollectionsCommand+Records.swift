import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Ledger

extension CollectionsCommand {
    struct Promise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a customer's promise to pay: its invoices get no reminder until the day (plus the rule set's grace) passes; "
                + "a promise not kept by then is broken and escalates the next reminder.")
        @OptionGroup var scope: LedgerScope
        @Option(help: "The customer's partner id.") var customer: Int
        @Option(help: "The day the customer promised to pay by, YYYY-MM-DD.") var date: LocalDate
        @Option(help: "The amount promised, in the company currency (default: all the invoices have open).") var amount: String?
        @Option(parsing: .upToNextOption, help: "The invoices promised (default: every open invoice of the customer).") var invoice: [Int] = []
        @Option(help: "What was said, and by whom.") var note: String?

        func run() async throws {
            let (_, store, key) = try scope.open()
            let actor = try scope.common.actor(store, for: .recordCollections)
            let promise = try CollectorRecordsService(store: store, actor: actor, settings: nil)
                .promise(sourceKey: key, customerID: customer, invoiceIDs: invoice, promisedOn: date, amount: amount, note: note)
            if scope.common.json { return try Output.json(promise) }
            print("Promise \(promise.id): \(promise.customerName) pays \(promise.amount) by \(promise.promisedOn).")
        }
    }

    struct Promises: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Promises to pay, soonest first; read-only.")
        @OptionGroup var scope: LedgerScope
        @Option(help: "open (default), kept, broken or all.") var status: String = "open"

        func validate() throws {
            guard CollectionsCommand.statuses(status) as Set<PromiseToPay.Status>? != nil else { throw ValidationError("--status must be open, kept, broken or all.") }
        }

        func run() async throws {
            let (_, store, key) = try scope.open()
            let promises = try store.promises(sourceKey: key, statuses: CollectionsCommand.statuses(status) ?? [])
            if scope.common.json { return try Output.json(promises) }
            for promise in promises {
                print("  [\(promise.id)] \(promise.status.rawValue)  \(promise.customerName)  \(promise.amount) by \(promise.promisedOn)  (recorded by \(promise.recordedBy))")
            }
        }
    }

    struct Dispute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a customer disputes an invoice (or resolve a dispute with --resolve ID): the invoice leaves the reminders and, "
                + "outside audit mode, its owner gets a To-Do on it in Odoo.")
        @OptionGroup var scope: LedgerScope
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The disputed customer invoice's id.") var invoice: Int?
        @Option(help: "What the customer disputes.") var reason: String?
        @Option(help: "Who sorts it out (an Odoo login; default: the invoice's salesperson).") var owner: String?
        @Option(help: "Resolve the dispute with this id (--resolution required).") var resolve: Int64?
        @Option(help: "How the dispute was resolved.") var resolution: String?

        func validate() throws {
            guard (invoice != nil) != (resolve != nil) else { throw ValidationError("Give --invoice ID --reason TEXT, or --resolve ID --resolution TEXT.") }
        }

        func run() async throws {
            let (_, store, key) = try scope.open()
            let actor = try scope.common.actor(store, for: .recordCollections)
            if let resolve {
                let resolved = try store.resolveDispute(resolve, resolution: resolution ?? "", actor: actor)
                if scope.common.json { return try Output.json(resolved) }
                return print("Dispute \(resolved.id) on \(resolved.invoiceName) resolved: \(resolved.resolution ?? "").")
            }
            let settings = try CollectionsCommand.configuredOdoo(scope.common, connection)
            let dispute = try await CollectorRecordsService(store: store, actor: actor, settings: settings)
                .dispute(sourceKey: key, invoiceID: invoice!, reason: reason ?? "", ownerLogin: owner)
            if scope.common.json { return try Output.json(dispute) }
            print("Dispute \(dispute.id): \(dispute.customerName) disputes \(dispute.invoiceName): \(dispute.reason)"
                  + (dispute.odooActivityID != nil ? " (To-Do left for its owner in Odoo)." : "."))
        }
    }

    struct Disputes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disputed invoices, oldest first; read-only.")
        @OptionGroup var scope: LedgerScope
        @Option(help: "open (default), resolved or all.") var status: String = "open"

        func validate() throws {
            guard CollectionsCommand.statuses(status) as Set<InvoiceDispute.Status>? != nil else { throw ValidationError("--status must be open, resolved or all.") }
        }

        func run() async throws {
            let (_, store, key) = try scope.open()
            let disputes = try store.disputes(sourceKey: key, statuses: CollectionsCommand.statuses(status) ?? [])
            if scope.common.json { return try Output.json(disputes) }
            for dispute in disputes {
                print("  [\(dispute.id)] \(dispute.status.rawValue)  \(dispute.invoiceName)  \(dispute.customerName): \(dispute.reason)"
                      + "  owner \(dispute.ownerLogin ?? "the salesperson")")
            }
        }
    }
}
