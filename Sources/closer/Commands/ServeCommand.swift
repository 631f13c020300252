import ArgumentParser
import Automation
import CloseServer
import CloseSettings
import CloseStore
import Foundation
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web dashboard (/), the JSON API (OpenAPI at /openapi.json), Odoo webhooks, /health, /ready and /metrics over the store, with the configured schedules and outgoing webhooks.",
        discussion: "The API takes an API token; the dashboard a password (`closer users password LOGIN`) or an API token.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var connection: ConnectionOptions
    @Option(help: "The rule-set file (default: ./closer-rules.yaml when present, else the built-in rules).") var rules: String?
    @Option(help: "Address to listen on (default 127.0.0.1: only this machine).") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "Largest request body accepted, in bytes.") var maxRequestBytes = 1 << 20
    @Option(help: "Webhooks and schedules (default: ./\(AutomationConfig.defaultPath) when present; env CLOSER_AUTOMATION).")
    var automation: String?
    @Flag(help: "Mark the dashboard's cookies Secure (sent over HTTPS only): use behind a TLS proxy.") var secureCookies = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a port: use 1–65535 (0 picks a free one).") }
        guard maxRequestBytes > 0 else { throw ValidationError("--max-request-bytes must be positive.") }
    }

    func run() async throws {
        LoggingSystem.bootstrap { JSONLogHandler(label: $0) }
        let ruleSet = try RuleSet.resolve(explicit: rules)
        let automationConfig = try AutomationConfig.load(path: automation ?? ProcessInfo.processInfo.environment["CLOSER_AUTOMATION"])
        let resolver = try common.resolver(flags: connection.flags)
        let store = try AppDatabase.open(at: resolver.storePath).signingCheckpointsAtRunEnd(resolver)
        // Odoo is optional: without it the API still serves reviews, and the endpoints that need Odoo say so.
        let odoo = resolver.string(.odooURL) == nil ? nil : try OdooSettings(resolving: resolver)
        let server = CloserServer(store: store, configuration: ServerConfiguration(host: host, port: port, maxRequestBytes: maxRequestBytes,
                                                                                  ruleSet: ruleSet, odoo: odoo, secureCookies: secureCookies,
                                                                                  auditKeys: try AuditKeySettings(resolving: resolver).trustedKeysIfConfigured),
                                  automation: automationConfig)
        try await server.run { port in
            Logger(label: "closer.server").info("listening", metadata: [
                "address": "http://\(host):\(port)", "store": "\(resolver.storePath)", "automation": "\(automationConfig?.origin ?? "none")",
            ])
        }
    }
}
