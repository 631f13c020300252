import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Ledger
import Treasury

/// `closer payments`: payment runs with their pre-flight checks, the vendors' bank-detail changes that hold them,
/// the verifications that release them, and the ISO 20022 file for the bank.
struct PaymentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payments",
        abstract: "Payment runs: bills due, each through pre-flight checks (approved, not held, not paid already, a trusted vendor account "
            + "unchanged for the cool-off and verified by a second person, no lock date, enough on the bank), approved by a third person, "
            + "paid in Odoo once, and written as a pain.001 file.",
        subcommands: [Propose.self, Runs.self, Approve.self, Reject.self, File.self, BankChanges.self, Verify.self], defaultSubcommand: Runs.self)

    struct Propose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read Odoo, record the vendors' bank-detail changes, run the pre-flight checks and store the proposal for approval "
                + "(superseding the one waiting). Nothing is paid.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The rule-set file (default: ./closer-rules.yaml when present, else the built-in rules).") var rules: String?
        @Option(help: "Pay the bills due by this day, YYYY-MM-DD (default: the execution date).") var payBy: String?
        @Option(help: "The day the bank executes the payments, YYYY-MM-DD (default: today).") var date: String?
        @Option(help: "Pay every bill from this bank journal (id); by default each bill's currency picks one.") var journal: Int?

        func run() async throws {
            let execution = try PaymentsCommand.day(date, "--date") ?? LocalDate.todayUTC()
            let payBy = try PaymentsCommand.day(self.payBy, "--pay-by") ?? execution
            let store = try common.openStore()
            let ruleSet = try RuleSet.resolve(explicit: rules)
            let settings = try OdooSettings(resolving: common.resolver(flags: connection.flags))
            let actor = try common.actor(store, for: .proposePayments)
            let run = try await PaymentRunService(store: store, settings: settings, rules: ruleSet.treasury)
                .propose(executionDate: execution, payBy: payBy, journalID: journal, actor: actor)
            if common.json { return try Output.json(run) }
            PaymentsCommand.printRun(run)
        }
    }

    struct Runs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The payment runs in the store, newest first, or one run in full (read-only).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "A run's id: show it in full.") var id: Int64?

        func run() async throws {
            let store = try common.openStore()
            if let id {
                let run = try store.paymentRun(id: id)
                if common.json { return try Output.json(run) }
                return PaymentsCommand.printRun(run)
            }
            let runs = try store.paymentRuns()
            if common.json { return try Output.json(["runs": runs]) }
            print(runs.isEmpty ? "No payment runs yet: `closer payments propose` makes one." : "\(runs.count) payment runs:")
            runs.forEach { print("  " + PaymentsCommand.headline($0)) }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve a proposed run (an approver or controller who neither proposed it nor changed, verified or trusted a bank account it "
                + "pays); outside audit mode its payments are created in Odoo at once. Run it again to finish a run an interruption left half paid.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The run's id.") var id: Int64

        func run() async throws {
            let store = try common.openStore()
            let actor = try common.actor(store, for: .approvePayments)
            let settings = try? OdooSettings(resolving: common.resolver(flags: connection.flags))
            let run = try await PaymentRunService.approve(store: store, settings: settings, id: id, actor: actor)
            if common.json { return try Output.json(run) }
            PaymentsCommand.printRun(run)
            if run.status == .approved { print("Nothing is paid in Odoo yet: approve it again in a mode that writes (supervised or autonomous).") }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a run nothing of which is paid yet, with the reason (an approver or controller).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The run's id.") var id: Int64
        @Option(help: "Why the run is not paid: kept on the audit trail.") var reason: String

        func run() async throws {
            let store = try common.openStore()
            let run = try PaymentRunService.reject(store: store, id: id, reason: reason, actor: try common.actor(store, for: .approvePayments))
            if common.json { return try Output.json(run) }
            print("Rejected: " + PaymentsCommand.headline(run))
        }
    }

    struct File: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an approved run as ISO 20022 pain.001.001.09 credit-transfer files, one per bank journal, for the bank (read-only).")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The run's id.") var id: Int64
        @Option(help: "The folder the files are written to.") var out: String = "."

        func run() async throws {
            let store = try common.openStore()
            let run = try store.paymentRun(id: id)
            let folder = URL(fileURLWithPath: out, isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var written: [String] = []
            for (index, file) in try PaymentRunService.creditTransferFiles(run).enumerated() {
                let url = folder.appendingPathComponent("\(run.reference.lowercased())-\(index + 1).xml")
                try Data(file.xml.utf8).write(to: url, options: .atomic)
                written.append(url.path)
                if !common.json { print("\(file.journal): \(url.path)") }
            }
            if common.json { try Output.json(["files": written]) }
        }
    }

    static func day(_ text: String?, _ flag: String) throws -> LocalDate? {
        guard let text else { return nil }
        guard let day = LocalDate(iso: text) else { throw ValidationError("\(flag) must be a day, YYYY-MM-DD (not '\(text)').") }
        return day
    }

    /// "#4 proposed by paul 2026-12-05: pays 12 bills on 2026-12-07 (EUR 10,000.00 from Bank), 3 left out"
    static func headline(_ run: PaymentRun) -> String {
        let payments = run.proposal.groups.flatMap(\.payments)
        let totals = run.proposal.groups.filter { !$0.payments.isEmpty }.map { "\($0.total) from \($0.journal?.name ?? "journal \($0.journalID)")" }
        var steps = ["proposed by \(run.proposed.by) \(run.proposed.at.prefix(10))"]
        if let approved = run.approved { steps.append("approved by \(approved.by) \(approved.at.prefix(10))") }
        if let closed = run.closed { steps.append("\(run.status.rawValue) by \(closed.by): \(closed.reason ?? "")") }
        return "#\(run.id) \(run.status.rawValue) (\(steps.joined(separator: ", "))): pays \(payments.count) bills on \(run.proposal.executionDate)"
            + (totals.isEmpty ? "" : " (\(totals.joined(separator: "; ")))") + ", \(run.proposal.leftOut.count) left out, \(run.proposal.notDue) not due"
    }

    static func printRun(_ run: PaymentRun) {
        print(headline(run))
        let created = Dictionary(run.payments.compactMap { payment in payment.odooPaymentName.map { (payment.billID, $0) } }) { first, _ in first }
        for group in run.proposal.groups where !group.payments.isEmpty {
            let balance = group.balanceAfter.map { ", \($0) left on the account after" } ?? ""
            print("  \(group.journal?.name ?? "journal \(group.journalID)") in \(group.currency): \(group.total)\(balance)")
            for payment in group.payments {
                let bill = payment.candidate
                print("    \(bill.billName) \(bill.vendorName) \(payment.amount) to \(payment.iban)" + (payment.discountTaken ? " (early-payment discount)" : "")
                      + (created[bill.billID].map { " — paid by \($0)" } ?? ""))
            }
        }
        if !run.proposal.leftOut.isEmpty { print("  Left out:") }
        for bill in run.proposal.leftOut { print("    \(bill.candidate.billName) \(bill.candidate.vendorName) \(bill.candidate.amount): \(bill.reason)") }
    }
}
