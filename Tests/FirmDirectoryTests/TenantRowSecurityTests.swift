import CloseStore
import FirmDirectory
import Foundation
import Governance
import JobQueue
import Ledger
import PostgresAccess
import PostgresNIO
import PostgresSupport
import Testing

/// A direct SQL session with one tenant's role sees that tenant's rows of the firm's tables and no other's, and nothing
/// of another tenant's store; the tables' owner (workers, console) still sees every row.
@Suite(.enabled(if: PostgresTestServer.enabled, "skipped: no PostgreSQL (CLOSER_TEST_POSTGRES_URL)"))
struct TenantRowSecurityTests {
    @Test func aSessionWithTenantAsRoleSeesNoRowOfTenantB() async throws {
        try await PostgresTestServer.withSchema { client, schema in
            let queue = try await PostgresJobQueue.open(client: client, schema: schema, policy: try PostgresTestServer.policy())
            let directory = try await PostgresFirmDirectory.open(client: client, schema: schema)
            for tenant in ["acme", "globex"] {
                for period in ["2026-09", "2026-10"] {
                    _ = try await queue.enqueue(try EnqueueRequest(tenant: tenant, kind: .pull, period: try Period(parsing: period), idempotencyKey: period))
                }
                try await directory.addMember(login: "clerk-\(tenant)", name: "Clerk of \(tenant)", by: "ops")
                try await directory.grant(login: "clerk-\(tenant)", tenant: tenant, role: .preparer, by: "ops")
            }
            // A reporting login of acme's: it may read what acme's role may, nothing more.
            let login = "\(schema)_acme_reports"
            try await client.query(PostgresQuery(unsafeSQL: "CREATE ROLE \(login) LOGIN PASSWORD 'reports'"))
            let role = try await queue.openTenantRole("acme", member: login)
            #expect(role == "\(schema)/acme")
            #expect(try await directory.openTenantRole("acme") == role)

            // globex's store as the workers keep it on this server: a schema of its own, in which no tenant role is given anything.
            let globexStore = AppDatabase.tenantStoreURL(AppDatabase.postgresURL(try #require(PostgresTestServer.url), schema: schema), tenant: "globex")
            _ = try AppDatabase.openOrCreate(at: globexStore).addUser(login: "clerk-globex", name: "Clerk of globex", roles: [.preparer], odooUserID: nil, actor: "ops")
            defer { try? AppDatabase.remove(at: globexStore) }

            let session = try Self.client(user: login, password: "reports")
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await session.run() }
                defer { group.cancelAll() }
                let jobs = try await session.query("SELECT tenant FROM \(unescaped: schema).job_queue_jobs").collect().map { try $0.decode(String.self) }
                #expect(jobs == ["acme", "acme"])
                let grants = try await session.query("SELECT tenant FROM \(unescaped: schema).firm_grants").collect().map { try $0.decode(String.self) }
                #expect(grants == ["acme"])
                let history = try await session.query("SELECT DISTINCT tenant FROM \(unescaped: schema).firm_directory_history").collect()
                #expect(try history.map { try $0.decode(String?.self) } == ["acme"], "acme's grant in the history; no member's line without a tenant")
                // Naming tenant B outright finds nothing either.
                let named = try await session.query("SELECT count(*) FROM \(unescaped: schema).job_queue_jobs WHERE tenant = 'globex'").collect()
                #expect(try named.first?.decode(Int.self) == 0)
                // Reading is all the role is given.
                await #expect(throws: PSQLError.self) {
                    try await session.query("UPDATE \(unescaped: schema).job_queue_jobs SET priority = 9 WHERE tenant = 'acme'")
                }
                // Tenant B's store is out of reach: its schema is not acme's role's to enter.
                for table in ["closer_user", "audit_event", "move_line"] {
                    await #expect(throws: PSQLError.self, "\(table)") {
                        try await session.query("SELECT count(*) FROM \(unescaped: schema)_globex.\(unescaped: table)").collect()
                    }
                }
            }
            // The owner, which the workers use, is not held back.
            let all = try await client.query("SELECT count(*) FROM \(unescaped: schema).job_queue_jobs").collect()
            #expect(try all.first?.decode(Int.self) == 4)
        }
    }

    @Test func aLoginWithNoTenantRoleSeesNoRowAtAll() async throws {
        try await PostgresTestServer.withSchema { client, schema in
            let queue = try await PostgresJobQueue.open(client: client, schema: schema, policy: try PostgresTestServer.policy())
            _ = try await queue.enqueue(try EnqueueRequest(tenant: "acme", kind: .pull, period: try Period(parsing: "2026-10"), idempotencyKey: "2026-10"))
            _ = try await queue.openTenantRole("acme")
            let login = "\(schema)_stranger"
            try await client.query(PostgresQuery(unsafeSQL: "CREATE ROLE \(login) LOGIN PASSWORD 'stranger'"))
            // Even given the table outright, the policy leaves it empty for someone outside every tenant's role.
            try await client.query(PostgresQuery(unsafeSQL: "GRANT USAGE ON SCHEMA \(schema) TO \(login)"))
            try await client.query(PostgresQuery(unsafeSQL: "GRANT SELECT ON \(schema).job_queue_jobs TO \(login)"))
            let session = try Self.client(user: login, password: "stranger")
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await session.run() }
                defer { group.cancelAll() }
                let rows = try await session.query("SELECT count(*) FROM \(unescaped: schema).job_queue_jobs").collect()
                #expect(try rows.first?.decode(Int.self) == 0)
            }
        }
    }

    static func client(user: String, password: String) throws -> PostgresClient {
        var configuration = try PostgresURL.configuration(try #require(PostgresTestServer.url))
        configuration.username = user
        configuration.password = password
        return PostgresClient(configuration: configuration)
    }
}
