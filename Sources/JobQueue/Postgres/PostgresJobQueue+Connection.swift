import Logging
public import PostgresNIO

extension PostgresJobQueue {
    /// Opens the queue at `url` (postgres://USER:PASSWORD@HOST:PORT/DATABASE) in `schema`, runs `body` with it
    /// while the connection pool runs beside, and closes the pool after: for a process that is a worker or
    /// asks for jobs, start to end.
    public static func withQueue<Result: Sendable>(url: String, schema: String = "public", policy: JobQueuePolicy,
                                                   _ body: (PostgresJobQueue) async throws -> Result) async throws -> Result {
        let client = PostgresClient(configuration: try PostgresURL.configuration(url))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(try await PostgresJobQueue.open(client: client, schema: schema, policy: policy))
        }
    }
}
