import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance

extension AuditCommand {
    struct Keygen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a new Ed25519 audit signing key to a file (mode 0600) and print its public key; the key never enters the store.")

        @Option(help: "The key file to create (refused when it exists). Keep it outside the store's folder.") var output: String
        @Flag(help: "Print the result as JSON.") var json = false

        func run() async throws {
            let key = AuditSigningKey.generate()
            // O_EXCL with mode 0600: an existing key is never overwritten, and the file is private from its first byte.
            let descriptor = open(output, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard descriptor >= 0 else {
                throw ValidationError(errno == EEXIST ? "\(output) exists: a key file is never overwritten; choose another path."
                                                      : "\(output) cannot be created: \(String(cString: strerror(errno))).")
            }
            let bytes = Array(key.fileText.utf8)
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            guard written == bytes.count else {
                unlink(output)
                throw ValidationError("\(output) could not be written completely; nothing was kept.")
            }
            let publicKey = key.publicKey
            if json { return try Output.json(["keyFile": output, "keyID": publicKey.keyID, "publicKey": publicKey.text]) }
            print("""
                Wrote an audit signing key to \(output) (mode 0600), key id \(publicKey.keyID).
                Public key: \(publicKey.text)
                Sign with it:    export CLOSER_AUDIT_KEY_FILE=\(output)
                Auditors verify: export CLOSER_AUDIT_PUBLIC_KEYS=\(publicKey.text)   (keep older public keys in the list after a rotation)
                """)
        }
    }

    struct Checkpoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign the audit trail's head now with the signing key (CLOSER_AUDIT_KEY_FILE); --publish also notes it on the company in Odoo, once.")

        @OptionGroup var common: CommonOptions
        @OptionGroup var connection: ConnectionOptions
        @Flag(help: "Also publish the checkpoint on the company's partner record in Odoo (needs --mode supervised or autonomous).")
        var publish = false

        func run() async throws {
            let resolver = try common.resolver(flags: connection.flags)
            let keys = try AuditKeySettings(resolving: resolver)
            guard let signingKey = keys.signingKey else { throw ValidationError(AuditAnchorError.noSigningKey.description) }
            // Built before anything is signed, so a wrong mode or connection stops the command at once.
            let store = try common.openStore()
            // Signing decides nothing; publishing writes to Odoo, so it needs a signed-in user allowed to.
            let actor = try common.actor(store, for: publish ? .writeToOdoo : nil)
            let publisher = try publish ? AuditHeadPublisher(store: store, settings: OdooSettings(resolving: resolver), actor: actor) : nil
            guard let checkpoint = try store.recordAuditCheckpoint(signingWith: signingKey, actor: actor) else {
                throw ValidationError(AuditAnchorError.emptyTrail.description)
            }
            var publication: AuditHeadPublisher.Publication?
            if let publisher { publication = try await publisher.publish(checkpoint) }
            if common.json { return try Output.json(CheckpointResult(checkpoint: checkpoint, publication: publication)) }
            print("Checkpoint \(checkpoint.number): event #\(checkpoint.seq), head \(checkpoint.headHash), signed \(checkpoint.signedAt) "
                  + "with key \(checkpoint.keyID).")
            if let publication {
                print(publication.posted ? "Published in Odoo on \(publication.partner) as message \(publication.messageID)."
                      : "Already published in Odoo on \(publication.partner) (message \(publication.messageID)); nothing posted.")
            }
        }
    }
}

struct CheckpointResult: Encodable {
    var checkpoint: AuditCheckpoint
    var publication: AuditHeadPublisher.Publication?
}

/// At a run's end with Odoo configured in a mode that writes and a signing key set, the run's checkpoint is also
/// published on the company in Odoo, by the agent (housekeeping that decides nothing, like the signing itself).
/// A failure to publish does not undo the run: it is said, with what to run.
enum RunEndPublication {
    static func publish(store: AppDatabase, settings: OdooSettings, resolver: SettingsResolver, json: Bool) async {
        guard settings.mode != .audit, (try? AuditKeySettings(resolving: resolver).signingKey) != nil,
              let checkpoint = try? store.latestAuditCheckpoint() else { return }
        do {
            let publication = try await AuditHeadPublisher(store: store, settings: settings, actor: CloserUser.agentLogin).publish(checkpoint)
            if !json && publication.posted { print("Audit head (checkpoint \(checkpoint.number), event #\(checkpoint.seq)) published on \(publication.partner) in Odoo.") }
        } catch {
            FileHandle.standardError.write(Data("The audit head was not published in Odoo: \(error). Run `closer audit checkpoint --publish` to retry.\n".utf8))
        }
    }
}
