import Foundation
import PostgresSupport
import FoundationNetworking
import Synchronization
import Testing

/// With every secret Closer handles set — the Odoo password and API key, both webhook secrets and a
/// user's API token — none of them appears in what Closer prints, logs, records or publishes: command
/// output and errors (Odoo unreachable), the server's JSON log lines (the inbound webhook's secret
/// travels in the URL), the audit trail, the close package, /metrics, or anywhere in the store file.
@Suite struct SecretsCommandTests {
    static let secrets = ["odoo-pw-7f3a91c2", "odoo-key-5c2e80d4", "hook-in-9b1d33e7", "hook-out-44aa10f6"]

    @Test func noSecretReachesOutputLogsAuditPackageMetricsOrStore() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var people = StorePeople(store: TestStore.location("closer", in: directory), in: directory)
        #expect(try await CloserBinary.run(["demo", "--json", "--store", people.store], in: directory).status == 0)
        try await people.addFirst("ann", roles: ["controller"])
        let token = try #require(people.tokens["ann"])
        let secrets = Self.secrets + [token]
        let odoo = ["--url", "http://127.0.0.1:9", "--db", "d", "--user", "u", "--mode", "supervised"]
        let environment = ["CLOSER_ODOO_PASSWORD": Self.secrets[0], "CLOSER_ODOO_WEBHOOK_SECRET": Self.secrets[2],
                           "CLOSER_WEBHOOK_SIGNING_SECRET": Self.secrets[3]]
        var seen: [String: String] = [:]

        seen["check --post-findings"] = try await people.run("ann", ["check", "--period", "2026-10", "--post-findings"] + odoo, environment: environment).all
        var withKey = environment
        withKey["CLOSER_ODOO_PASSWORD"] = nil
        withKey["CLOSER_ODOO_API_KEY"] = Self.secrets[1]
        seen["reconcile apply"] = try await people.run("ann", ["reconcile", "apply"] + odoo, environment: withKey).all
        seen["a wrong token"] = try await people.run(nil, ["approve", "1"], environment: ["CLOSER_TOKEN": token + "x"]).all
        let package = directory.appendingPathComponent("package")
        await #expect(try people.run("ann", ["package", "--period", "2026-10", "--out", package.path], environment: environment).status == 0)
        for file in try FileManager.default.contentsOfDirectory(atPath: package.path) {
            seen["package/\(file)"] = try String(contentsOf: package.appendingPathComponent(file), encoding: .utf8)
        }

        let automation = directory.appendingPathComponent("closer-automation.yaml")
        try """
            webhooks:
              inbound:
                secret_env: CLOSER_ODOO_WEBHOOK_SECRET
              outbound:
                signing_secret_env: CLOSER_WEBHOOK_SIGNING_SECRET
                targets:
                  - url: http://127.0.0.1:9/hook
                    events: [finding.opened]
            """.write(to: automation, atomically: true, encoding: .utf8)
        let server = try ServedCloser(arguments: ["serve", "--port", "0", "--automation", automation.path, "--store", people.store] + odoo,
                                      environment: environment, in: directory)
        defer { server.stop() }
        let base = try await server.address()
        seen["/metrics"] = try await Self.get(base + "/metrics", token: token)
        seen["/api/v1/audit"] = try await Self.get(base + "/api/v1/audit", token: token)
        for secret in [Self.secrets[2], "not-the-secret"] {
            _ = try await Self.post(base + "/webhooks/odoo?token=\(secret)", body: #"{"_model":"account.move","_id":1,"_action":"write"}"#)
        }
        _ = try await Self.get(base + "/api/v1/runs", token: token + "x")
        try await Task.sleep(for: .seconds(2))   // the refresh the webhook started fails on the unreachable Odoo, and says so
        server.stop()
        seen["server log"] = server.log
        seen["audit export"] = try await people.run(nil, ["audit", "export"]).stdout
        seen["store"] = String(decoding: try TestStore.contents(of: people.store), as: UTF8.self)

        #expect(seen["server log"]?.contains("\"status\":\"202\"") == true, "the right webhook secret was accepted: \(seen["server log"] ?? "")")
        #expect(seen["check --post-findings"]?.isEmpty == false && seen["/metrics"]?.contains("closer_") == true)
        for (place, text) in seen {
            for secret in secrets { #expect(!text.contains(secret), "\(place) holds a secret (\(secret.prefix(8))…)") }
        }
    }

    static func get(_ url: String, token: String) async throws -> String {
        var request = URLRequest(url: URL(string: url)!)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        return String(decoding: try await URLSession.shared.data(for: request).0, as: UTF8.self)
    }

    static func post(_ url: String, body: String) async throws -> String {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        return String(decoding: try await URLSession.shared.data(for: request).0, as: UTF8.self)
    }
}

/// `closer serve` run as a process, its log lines collected as they come.
final class ServedCloser: @unchecked Sendable {  // Process is not Sendable; it is only started and stopped
    private final class Lines: Sendable {
        let text = Mutex("")
    }

    private let process: Process
    private let lines = Lines()

    init(arguments: [String], environment extra: [String: String], in directory: URL) throws {
        let process = Process()
        process.executableURL = CloserBinary.url
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CLOSER_") }
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        self.process = process
        pipe.fileHandleForReading.readabilityHandler = { [lines] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            lines.text.withLock { $0 += text }
        }
        try process.run()
    }

    var log: String { lines.text.withLock { $0 } }

    /// The address the server's "listening" line gives, once it is up.
    func address() async throws -> String {
        for _ in 0..<200 {
            if let range = log.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) { return String(log[range]) }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CancellationError()
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
