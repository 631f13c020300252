@testable import CloseSettings
import CloseStore
@testable import CloseWorkflows
import Foundation
import OdooRPC
import Testing
import Ledger

@Suite struct OperatingModeTests {
    /// Nothing listens on port 9: a refused call fails with the refusal, anything sent would fail as a network error.
    static func settings(mode: String?, environment: [String: String] = [:], file: ConfigFile? = nil) throws -> OdooSettings {
        var flags: [Setting: String] = [.odooURL: "http://127.0.0.1:9", .odooDatabase: "closedemo", .odooUser: "admin", .odooPassword: "pw"]
        flags[.mode] = mode
        return try OdooSettings(resolving: SettingsResolver(flags: flags, environment: environment, file: file))
    }

    static let sourceKey: SourceKey = "odoo:http://127.0.0.1:9#closedemo/company=1"

    @Test func auditIsTheDefaultAndTheModeComesFromFlagEnvironmentOrFile() throws {
        #expect(try Self.settings(mode: nil).mode == .audit)
        #expect(try Self.settings(mode: nil, environment: ["CLOSER_MODE": "supervised"]).mode == .supervised)
        let file = try ConfigFile(path: "closer.yaml", text: "mode: autonomous\n", known: Set(Setting.all.map(\.key)))
        #expect(try Self.settings(mode: nil, file: file).mode == .autonomous)
        #expect(try Self.settings(mode: "audit", environment: ["CLOSER_MODE": "supervised"]).mode == .audit)
    }

    @Test func anUnknownModeIsNamedWithTheChoices() {
        #expect {
            _ = try Self.settings(mode: "yolo")
        } throws: { error in
            "\(error)".contains("mode 'yolo' is not one of audit, supervised, autonomous")
        }
    }

    @Test func theGatewayGivesAuditModeAClientThatRefusesWritesBeforeSending() async throws {
        let client = OdooGateway.client(try Self.settings(mode: nil))
        #expect(client.access == .readOnly(mode: "audit"))
        await #expect {
            _ = try await client.execute("account.move", "message_post", [[1]], ["body": "x"], idempotent: false)
        } throws: { error in
            guard case OdooError.writeRefused("account.move", "message_post", "audit") = error else { return false }
            return "\(error)".contains("--mode supervised")
        }
        #expect(OdooGateway.client(try Self.settings(mode: "supervised")).access == .readWrite)
    }

    @Test func postingFindingsIsRefusedInAuditModeNamingTheFlag() throws {
        #expect {
            _ = try FindingPostService(store: try AppDatabase.inMemory(), settings: try Self.settings(mode: nil),
                                       sourceKey: Self.sourceKey, actor: "tester")
        } throws: { error in
            let text = "\(error)"
            return error as? OperatingModeError == OperatingModeError(mode: .audit, feature: "--post-findings")
                && text.contains("audit mode") && text.contains("--mode supervised") && text.contains("CLOSER_MODE")
        }
        _ = try FindingPostService(store: try AppDatabase.inMemory(), settings: try Self.settings(mode: "supervised"),
                                   sourceKey: Self.sourceKey, actor: "tester")
    }

    @Test func postingFindingsNeedsTheDatabaseTheyCameFrom() throws {
        for key: SourceKey in ["odoo:http://127.0.0.1:9#otherdb/company=1", "demo:northwind"] {
            #expect(throws: SourceMismatchError.self) {
                _ = try FindingPostService(store: try AppDatabase.inMemory(), settings: try Self.settings(mode: "autonomous"),
                                           sourceKey: key, actor: "tester")
            }
        }
    }

    /// The mode is only a guarantee if no code builds a client around the gateway.
    @Test func onlyTheGatewayBuildsOdooClients() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Sources").standardized
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var builders: [String] = []
        for case let file as URL in files where file.pathExtension == "swift" {
            if try String(contentsOf: file, encoding: .utf8).contains("OdooClient(") { builders.append(file.lastPathComponent) }
        }
        #expect(builders == ["OdooGateway.swift"])
    }
}
