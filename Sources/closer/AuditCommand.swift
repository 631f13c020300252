import ArgumentParser
import CloseService
import CloseStore
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Verify or export the tamper-evident audit trail.",
        subcommands: [Verify.self, Export.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the hash chain; names every edited, missing, reordered or truncated event. Exit 1 when broken.")

        @OptionGroup var common: CommonOptions

        func run() async throws {
            let store = try AppDatabase.open(at: try common.resolver().storePath)
            let verification = try store.verifyAuditTrail()
            if common.json {
                try Output.json(verification)
            } else if verification.isIntact {
                print("Audit trail intact: \(verification.eventCount) events, every hash and link verified.")
            } else {
                print("Audit trail BROKEN: \(verification.problems.count) problem(s) in \(verification.eventCount) events:")
                for problem in verification.problems { print("  - \(problem)") }
            }
            if !verification.isIntact { throw ExitCode(1) }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the audit trail as JSON Lines, one event per line.")

        @OptionGroup var common: CommonOptions
        @Option(help: "Output file (default: standard output).") var output: String?

        func run() async throws {
            let store = try AppDatabase.open(at: try common.resolver().storePath)
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
