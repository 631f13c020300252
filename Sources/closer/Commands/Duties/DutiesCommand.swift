import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Duties
import Foundation
import Ledger

/// `closer duties`: who in Odoo holds, or used, duties over one vendor that should be split.
struct DutiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duties",
        abstract: "Segregation of duties over vendors, read live from Odoo: who changed a vendor or its bank account and also posted, approved "
            + "or paid its bills (did), whose groups let them do both (can), and the administrators; each with its records. Read-only.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var connection: ConnectionOptions
    @Option(help: "Look at bills and payments dated from this day, YYYY-MM-DD (default: a year ago).") var since: LocalDate?

    func run() async throws {
        let resolver = try common.resolver(flags: connection.flags)
        let settings = try OdooSettings(resolving: resolver)
        // Closer's approvals join when there is a store; the duties in Odoo stand without one.
        let store = FileManager.default.fileExists(atPath: resolver.storePath) ? try common.openStore() : nil
        let report = try await DutiesService(settings: settings, store: store, actor: try store.map { try common.actor($0, for: nil) } ?? "closer").review(since: since ?? LocalDate.todayUTC().adding(months: -12))
        if common.json { return try Output.json(report) }
        let counts = [DutyFinding.Kind.did, .can, .administrator].map { kind in "\(report.findings.filter { $0.kind == kind }.count) \(kind.rawValue)" }
        print("\(report.people) Odoo users, bills and payments from \(report.since): \(counts.joined(separator: ", ")) (\(report.evidenceBasis)).")
        for finding in report.findings {
            print("\(finding.kind.rawValue.uppercased()) \(finding.message)")
            for act in finding.evidence { print("    \(act.words)") }
            print("  Fix: \(finding.fix)")
        }
    }
}
