import Foundation
import PostgresNIO
import PostgresSupport
import Testing

/// `closer firm-users` as an operator runs it: a member added with roles in tenants the tenants file lists, their
/// token printed once and kept only as a hash, a tenant it does not list refused before anything is written.
@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"))
struct FirmUsersCommandTests {
    @Test func membersAreAddedGrantedAndListedAndAnUnlistedTenantIsRefused() async throws {
        try await PostgresTestServer.withSchema { client, schema in
            let folder = try CloserBinary.temporaryDirectory()
            let tenants = ["acme", "globex"].map { "  \($0):\n    odoo:\n      url: http://127.0.0.1:9\n      database: \($0)\n      user: admin\n      password_env: X\n" }
            try Data(("tenants:\n" + tenants.joined()).utf8).write(to: folder.appendingPathComponent("tenants.yaml"))
            let environment = ["CLOSER_QUEUE_URL": PostgresTestServer.url ?? "", "CLOSER_TENANTS_FILE": folder.appendingPathComponent("tenants.yaml").path]
            func firmUsers(_ arguments: [String]) async throws -> CloserBinary.Result {
                try await CloserBinary.run(["firm-users"] + arguments + ["--queue-schema", schema], environment: environment)
            }

            let added = try await firmUsers(["add", "anna", "--name", "Anna Berg", "--grant", "acme:controller"])
            #expect(added.status == 0, "\(added.all)")
            let token = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(token.hasPrefix("clf_") && added.stderr.contains("shown once"))
            await #expect(try firmUsers(["grant", "anna", "globex", "viewer"]).status == 0)
            await #expect(try firmUsers([]).stdout.contains("anna (Anna Berg) — acme: controller; globex: viewer"))

            let refused = try await firmUsers(["add", "bob", "--name", "Bob", "--grant", "initech:viewer"])
            #expect(refused.status != 0 && refused.stderr.contains("lists no tenant initech"))
            await #expect(!(try firmUsers([]).stdout.contains("bob")), "nothing of bob was written")
            let badRole = try await firmUsers(["add", "carl", "--name", "Carl", "--grant", "acme:boss"])
            #expect(badRole.status != 0 && badRole.stderr.contains("write TENANT:ROLE"))

            let kept = try await client.query("SELECT count(*) FROM \(unescaped: schema).firm_tokens WHERE token_sha256 = \(token)").collect()
            #expect(try kept.first?.decode(Int.self) == 0, "the token itself is never stored")

            #expect(try await firmUsers(["revoke", "anna", "globex"]).stdout.contains("1 role of anna in globex taken"))
            let history = try await firmUsers(["history", "anna"]).stdout
            #expect(history.contains(": role.granted anna in globex viewer") && history.contains(": role.revoked anna in globex viewer"), "\(history)")

            let role = try await firmUsers(["sql-role", "acme"])
            #expect(role.status == 0 && role.stdout.contains("\"\(schema)/acme\" reads acme's rows only"), "\(role.all)")
        }
    }
}
