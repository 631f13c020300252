import Foundation
import PostgresNIO

/// Waiting for work with LISTEN/NOTIFY: the waiter listens first and only then looks at the queue, so a
/// job enqueued between a worker's empty lease and its wait still wakes it.
extension PostgresJobQueue {
    public func waitForWork(kinds: Set<JobKind>, timeout: Duration) async throws -> WorkSignal {
        try await mapped {
            try await client.withConnection { connection in
                try await connection.listen(on: Self.channel) { notifications in
                    let outlook = try await outlook(kinds: kinds, on: connection)
                    if outlook.ready { return .ready }
                    let untilDue = outlook.nextDue.map { Duration.milliseconds(max(0, Int64($0.timeIntervalSince(outlook.now) * 1000)) + 1) }
                    let sleep = untilDue.map { min($0, timeout) } ?? timeout
                    let schema = schema
                    return try await withThrowingTaskGroup(of: WorkSignal.self) { group in
                        group.addTask {
                            for try await notification in notifications where notification.payload == schema { return .notified }
                            return .timedOut   // the listener ended (cancelled): the sleep decides
                        }
                        group.addTask {
                            try await Task.sleep(for: sleep)
                            return untilDue.map { $0 <= timeout } == true ? .due : .timedOut
                        }
                        var signal = WorkSignal.timedOut
                        if let first = try await group.next() { signal = first }
                        group.cancelAll()
                        return signal
                    }
                }
            }
        }
    }

    struct Outlook {
        /// A job could be leased now.
        var ready: Bool
        /// When the next delayed job or expiring lease comes due.
        var nextDue: Date?
        /// The server's clock, which the due times are on.
        var now: Date
    }

    private func outlook(kinds: Set<JobKind>, on connection: PostgresConnection) async throws -> Outlook {
        let query = PostgresQuery(unsafeSQL: """
            SELECT EXISTS (SELECT 1 FROM \(jobsTable) AS j WHERE \(readyWithinCaps) AND j.not_before <= now()),
                   (SELECT min(not_before) FROM \(jobsTable) WHERE state IN ('queued', 'failed') AND kind = ANY($1) AND not_before > now()),
                   (SELECT min(lease_expires_at) FROM \(jobsTable) WHERE state = 'leased'),
                   now()
            """, binds: capBindings(kinds: kinds))
        var outlook = Outlook(ready: false, nextDue: nil, now: Date())
        for try await (ready, delayed, expiring, now) in try await connection.query(query, logger: logger).decode((Bool, Date?, Date?, Date).self) {
            outlook = Outlook(ready: ready, nextDue: [delayed, expiring].compactMap { $0 }.min(), now: now)
        }
        return outlook
    }
}
