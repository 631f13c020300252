import ArgumentParser
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Ledger

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Verify, anchor or export the tamper-evident audit trail.",
        subcommands: [Verify.self, Checkpoint.self, Keygen.self, Export.self, Entry.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the audit trail as JSON Lines, one event per line.")

        @OptionGroup var common: CommonOptions
        @Option(help: "Output file (default: standard output).") var output: String?

        func run() async throws {
            let store = try common.openStore()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var text = ""
            for event in try store.auditEvents() {
                text += String(decoding: try encoder.encode(ExportedAuditEvent(event)), as: UTF8.self) + "\n"
            }
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } else {
                print(text, terminator: "")
            }
        }
    }
}

extension AuditCommand {
    struct Entry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who prepared, approved (on what evidence) and applied what Closer wrote as an Odoo entry, from the verified trail.")

        @OptionGroup var common: CommonOptions
        @Option(help: "Which pulled ledger (default: the only one in the store).") var source: SourceKey?
        @Argument(help: "The Odoo account.move id.") var moveID: Int

        func run() async throws {
            let store = try common.openStore()
            let key = try source ?? CheckService.onlySourceKey(in: store)
            let verification = try store.verifyAuditTrail()
            guard let provenance = try store.provenance(sourceKey: key, odooMoveID: moveID) else {
                print("Closer wrote no entry \(moveID) in \(key) (no applied adjusting entry or bank match names it).")
                throw ExitCode(1)
            }
            if common.json { return try Output.json(provenance) }
            for proposal in provenance.proposals {
                print("Entry \(moveID): \(proposal.title), \(proposal.status.rawValue); prepared by \(proposal.preparedBy ?? "unrecorded")")
                for approval in proposal.approvals {
                    let current = approval.evidenceSHA256 == proposal.evidenceSHA256 ? "" : " (an earlier version, voided)"
                    print("  approved by \(approval.login) as \(approval.role.rawValue) at \(approval.approvedAt) on evidence sha256 \(approval.evidenceSHA256)\(current)")
                }
                if let batch = proposal.batchID { print("  written to Odoo by \(proposal.appliedBy ?? "?") in batch \(batch)") }
                for event in proposal.events { print("  #\(event.seq) \(event.recordedAt) \(event.actor) \(event.action)\(event.outcome == "ok" ? "" : " (\(event.outcome))")") }
            }
            print(verification.isIntact ? "Audit trail intact (\(verification.eventCount) events verified)."
                  : "Audit trail BROKEN: \(verification.problems.count) problem(s); `closer audit verify` names them.")
            if !verification.isIntact { throw ExitCode(1) }
        }
    }
}

/// An audit event as exported: the payload as a JSON object rather than text, hashes kept so an
/// auditor can re-verify the chain outside Closer.
struct ExportedAuditEvent: Encodable {
    var seq: Int64
    var eventID: String
    var recordedAt: String
    var actor: String
    var action: String
    var targets: [AuditTarget]
    var payload: [String: String]
    var outcome: String
    var previousHash: String
    var hash: String

    init(_ event: AuditEvent) {
        seq = event.seq
        eventID = event.eventID
        recordedAt = event.recordedAt
        actor = event.actor
        action = event.action
        targets = event.targets
        payload = (try? JSONDecoder().decode([String: String].self, from: Data(event.payload.utf8))) ?? ["unparsed": event.payload]
        outcome = event.outcome
        previousHash = event.previousHash
        hash = event.hash
    }
}
