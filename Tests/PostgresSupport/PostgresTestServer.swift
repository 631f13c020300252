public import Foundation
public import JobQueue
import PostgresAccess
public import PostgresNIO

/// The real PostgreSQL the queue's tests run against: CLOSER_TEST_POSTGRES_URL (.ci/run sets it). Every
/// test gets a schema of its own, dropped afterwards, so tests run in parallel without seeing each other.
public enum PostgresTestServer {
    public static let url = ProcessInfo.processInfo.environment["CLOSER_TEST_POSTGRES_URL"]

    /// Said once, however many suites ask.
    public static let enabled: Bool = {
        if url == nil {
            print("◇ PostgreSQL tests (job queue, firm workers) skipped: set CLOSER_TEST_POSTGRES_URL (e.g. postgres://closer:closer@127.0.0.1:5432/closer_test; .ci/run does).")
        }
        return url != nil
    }()

    public static func client() throws -> PostgresClient {
        guard let url else { throw JobQueueError.invalidConfiguration("CLOSER_TEST_POSTGRES_URL is not set") }
        var configuration = try PostgresURL.configuration(url)
        configuration.options.maximumConnections = 12   // tests run in parallel against one server
        return PostgresClient(configuration: configuration)
    }

    /// Runs `body` with a queue in a fresh schema, the client running beside it; drops the schema after.
    public static func withQueue<Result: Sendable>(policy: JobQueuePolicy, _ body: (PostgresJobQueue) async throws -> Result) async throws -> Result {
        try await withSchema { client, schema in try await body(try await PostgresJobQueue.open(client: client, schema: schema, policy: policy)) }
    }

    /// Runs `body` with a fresh schema and the client, running beside it; drops the schema after, and the roles a test
    /// made whose names begin with the schema's (tenant roles "<schema>/<tenant>", logins "<schema>_<name>").
    public static func withSchema<Result: Sendable>(_ body: (PostgresClient, String) async throws -> Result) async throws -> Result {
        let client = try client()
        let schema = "jq_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            func clean() async throws {
                try await client.query("DROP SCHEMA IF EXISTS \(unescaped: schema) CASCADE")
                let roles = try await client.query("SELECT rolname FROM pg_roles WHERE starts_with(rolname, \(schema))").collect()
                for row in roles {
                    let role = try row.decode(String.self)
                    try await client.query(PostgresQuery(unsafeSQL: "DROP ROLE \"\(role)\""))
                }
            }
            do {
                let result = try await body(client, schema)
                try await clean()
                return result
            } catch {
                try? await clean()
                throw error
            }
        }
    }

    /// A policy with caps no test reaches unless it means to, and retries due at once.
    public static func policy(perTenant: Int = 1000, perHost: Int = 1000, retryDelay: Duration = .zero) throws -> JobQueuePolicy {
        try JobQueuePolicy(maxLeasedPerTenant: perTenant, maxLeasedPerOdooHost: perHost, retryDelay: retryDelay)
    }
}
