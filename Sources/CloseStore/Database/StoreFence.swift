import Foundation

/// A firm worker's lease as the tenant's store knows it: the job and the lease's fencing token. The queue refuses
/// a stale token's completion; this makes the store refuse its writes too, so a worker paused past its lease (and
/// replaced) cannot write what the new holder is writing.
public struct StoreFence: Sendable, Hashable {
    public var job: String
    public var token: Int64

    public init(job: String, token: Int64) {
        self.job = job
        self.token = token
    }

    /// Refuses the write when a newer lease of the job has claimed the store.
    func check(_ db: any StoreSession, path: String) throws {
        let current = try Int64.fetchOne(db, sql: "SELECT token FROM write_fence WHERE job = ?", arguments: [job]) ?? token
        guard current == token else { throw StoreError.fenced(path: path, job: job, token: token, current: current) }
    }

    /// Records this lease as the job's latest, unless a newer one already wrote here.
    func claim(_ db: any StoreSession, path: String) throws {
        if let current = try Int64.fetchOne(db, sql: "SELECT token FROM write_fence WHERE job = ?", arguments: [job]), current > token {
            throw StoreError.fenced(path: path, job: job, token: token, current: current)
        }
        try db.execute(sql: "INSERT INTO write_fence (job, token, claimed_at) VALUES (?, ?, ?) ON CONFLICT (job) DO UPDATE SET token = excluded.token, claimed_at = excluded.claimed_at",
                       arguments: [job, token, AppDatabase.utcText(Date())])
    }
}

extension AppDatabase {
    /// The same store for a firm worker's step: claims it for the lease (`StoreFence`), and every write after
    /// checks that no newer lease of the job has claimed it since.
    public func fenced(by fence: StoreFence) throws -> AppDatabase {
        try writer.write { db in try fence.claim(db, path: path) }
        return AppDatabase(connection: StoreConnection(writer.engine, fence: fence))
    }
}
