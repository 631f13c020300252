import Foundation
import FirmDirectory
import Governance
import PostgresNIO
import PostgresSupport
import Testing

/// The firm's people and their roles per tenant, on a real PostgreSQL.
@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"))
struct FirmDirectoryTests {
    @Test func aTokenNamesItsMemberWithTheirRolesInEachTenantAndNothingElse() async throws {
        try await PostgresTestServer.withSchema { client, schema in
            let directory = try await PostgresFirmDirectory.open(client: client, schema: schema)
            try await directory.addMember(login: "anna", name: "Anna Berg", by: "ops")
            try await directory.grant(login: "anna", tenant: "acme", role: .controller, by: "ops")
            try await directory.grant(login: "anna", tenant: "acme", role: .controller, by: "ops")   // again: no change
            try await directory.grant(login: "anna", tenant: "globex", role: .viewer, by: "ops")
            let token = try await directory.issueToken(login: "anna", by: "ops")
            #expect(token.token.hasPrefix("clf_") && token.prefix == String(token.token.prefix(12)))

            let anna = try await directory.member(authenticatedBy: token.token)
            #expect(anna.login == "anna" && anna.name == "Anna Berg")
            #expect(anna.roles == ["acme": [.controller], "globex": [.viewer]])
            #expect(anna.sees("acme") && !anna.sees("initech"))
            #expect(anna.roles(in: "globex") == [.viewer] && anna.roles(in: "initech").isEmpty)

            #expect(try await directory.revoke(login: "anna", tenant: "globex", role: nil, by: "audit-lead") == 1)
            #expect(try await directory.member(authenticatedBy: token.token).roles == ["acme": [.controller]])

            // The history keeps what the grants no longer show: globex was anna's, as viewer, until audit-lead took it.
            let history = try await directory.history(login: "anna")
            #expect(history.map { [$0.actor, $0.action.rawValue, $0.tenant ?? "", $0.role?.rawValue ?? "", $0.tokenPrefix ?? ""] } == [
                ["ops", "member.added", "", "", ""], ["ops", "role.granted", "acme", "controller", ""], ["ops", "role.granted", "globex", "viewer", ""],
                ["ops", "token.issued", "", "", token.prefix], ["audit-lead", "role.revoked", "globex", "viewer", ""],
            ], "the second, unchanged grant of acme is not recorded")

            // Only the hash and the prefix are kept.
            let stored = try await client.query("SELECT count(*) FROM \(unescaped: schema).firm_tokens WHERE token_sha256 = \(token.token)").collect()
            #expect(try stored.first?.decode(Int.self) == 0)
        }
    }

    @Test func unknownRevokedAndDeactivatedAreRefusedSayingWhatToDo() async throws {
        try await PostgresTestServer.withSchema { client, schema in
            let directory = try await PostgresFirmDirectory.open(client: client, schema: schema)
            try await directory.addMember(login: "ben", name: "Ben", by: "ops")
            await #expect(throws: FirmDirectoryError.duplicateMember("ben")) { try await directory.addMember(login: "ben", name: "Ben", by: "ops") }
            await #expect(throws: FirmDirectoryError.invalidLogin("ben smith")) { try await directory.addMember(login: "ben smith", name: "Ben", by: "ops") }
            await #expect(throws: FirmDirectoryError.unknownMember("carl")) { try await directory.grant(login: "carl", tenant: "acme", role: .viewer, by: "ops") }
            await #expect(throws: FirmDirectoryError.unknownToken) { try await directory.member(authenticatedBy: "clf_nothing") }

            let first = try await directory.issueToken(login: "ben", by: "ops")
            let second = try await directory.issueToken(login: "ben", by: "ops")
            try await directory.revokeToken(prefix: first.prefix, by: "ops")
            await #expect(throws: FirmDirectoryError.revokedToken(prefix: first.prefix)) { try await directory.member(authenticatedBy: first.token) }
            #expect(try await directory.member(authenticatedBy: second.token).login == "ben")

            try await directory.setActive(login: "ben", false, by: "ops")
            await #expect(throws: FirmDirectoryError.inactiveMember("ben")) { try await directory.member(authenticatedBy: second.token) }
            #expect(FirmDirectoryError.inactiveMember("ben").localizedDescription.contains("closer firm-users activate ben"))
            #expect(try await directory.history(login: "ben").map(\.action) == [.memberAdded, .tokenIssued, .tokenIssued, .tokenRevoked, .memberDeactivated])
            #expect(try await directory.history(login: "carl").isEmpty, "a refused grant leaves no line")
        }
    }

    @Test func aSessionNamesItsMemberUntilItEndsOrExpiresAndOnlyItsHashIsKept() async throws {
        try await PostgresTestServer.withSchema { client, schema in
            let directory = try await PostgresFirmDirectory.open(client: client, schema: schema)
            try await directory.addMember(login: "dora", name: "Dora", by: "ops")
            let session = try await directory.startSession(login: "dora", lasting: .seconds(3600))
            #expect(session.hasPrefix("cls_"))
            #expect(try await directory.member(session: session).login == "dora")
            let expired = try await directory.startSession(login: "dora", lasting: .zero)
            await #expect(throws: FirmDirectoryError.unknownToken) { try await directory.member(session: expired) }
            try await directory.endSession(session)
            await #expect(throws: FirmDirectoryError.unknownToken) { try await directory.member(session: session) }
            let kept = try await client.query("SELECT count(*) FROM \(unescaped: schema).firm_sessions WHERE id_sha256 = \(session)").collect()
            #expect(try kept.first?.decode(Int.self) == 0)
        }
    }

    @Test func aDirectoryMigratedFurtherByANewerCloserIsRefused() async throws {
        try await PostgresTestServer.withSchema { client, schema in
            _ = try await PostgresFirmDirectory.open(client: client, schema: schema)
            try await client.query("INSERT INTO \(unescaped: schema).firm_directory_migrations (id) VALUES ('v99-future')")
            await #expect(throws: FirmDirectoryError.newerSchema(schema: schema, unknown: ["v99-future"])) {
                _ = try await PostgresFirmDirectory.open(client: client, schema: schema)
            }
        }
    }
}
