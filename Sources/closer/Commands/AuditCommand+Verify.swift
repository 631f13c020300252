import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation

extension AuditCommand {
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the hash chain and hold it against the signed checkpoints (and, with --odoo, the heads published in Odoo); "
                + "names every edited, missing, reordered, truncated or rewritten event. Exit 1 when broken.")

        @OptionGroup var common: CommonOptions
        @OptionGroup var connection: ConnectionOptions
        @Flag(help: "Also compare the heads published on the company's chatter in Odoo (reads only; needs the Odoo connection).")
        var odoo = false

        func run() async throws {
            let resolver = try common.resolver(flags: connection.flags)
            // Trusted keys come from outside the store only (environment, config, key file), never from the store.
            let keys = try AuditKeySettings(resolving: resolver)
            let odooSettings = try odoo ? OdooSettings(resolving: resolver) : nil
            // Read-only, so an auditor's read-only copy can be verified and is left as it was.
            let store = try AppDatabase.openReadOnly(at: resolver.storePath)
            var verification = try store.verifyAuditTrail(trusting: keys.trustedKeys)
            if let odooSettings {
                let published = try await PublishedHeadVerifier(store: store, settings: odooSettings).verify(trusting: keys.trustedKeys)
                verification.anchoring.publishedHeadsChecked = published.checked
                verification.problems += published.problems
                if !published.problems.isEmpty { verification.anchoring.status = .broken }
            }
            if common.json {
                try Output.json(verification)
            } else if verification.isIntact {
                print("Audit trail of \(store.path) intact: \(verification.eventCount) events, every hash and link verified; "
                      + "SQLite's integrity check found the file sound.")
                print(verification.anchoring.summary)
            } else {
                print("Audit trail of \(store.path) BROKEN: \(verification.problems.count) problem(s) in \(verification.eventCount) events:")
                for problem in verification.problems { print("  - \(problem)") }
            }
            if !verification.isIntact { throw ExitCode(1) }
        }
    }
}
