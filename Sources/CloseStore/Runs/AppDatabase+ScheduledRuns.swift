public import Foundation
public import Ledger

extension AppDatabase {
    /// Records that a schedule's slot started (`running`) or was skipped; nil when the slot already has a
    /// row, so two schedulers racing for one slot start it once.
    public func startScheduledRun(schedule: String, sourceKey: SourceKey, period: String, slot: Date, status: ScheduledRun.Status = .running,
                                  summary: String = "", at date: Date = Date()) throws -> ScheduledRun? {
        try writer.write { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO scheduled_run (schedule_name, source_key, period, slot, started_at, finished_at, status, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [schedule, sourceKey, period, Self.utcText(slot), Self.utcText(date),
                                 status == .running ? nil : Self.utcText(date), status.rawValue, summary])
            guard db.changesCount > 0 else { return nil }
            return try Self.scheduledRun(id: try db.lastInsertedRowID(), db)
        }
    }

    /// Whether a schedule's slot already has a run (of any outcome).
    public func hasScheduledRun(schedule: String, slot: Date) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM scheduled_run WHERE schedule_name = ? AND slot = ?)",
                              arguments: [schedule, Self.utcText(slot)]) ?? false
        }
    }

    @discardableResult
    public func finishScheduledRun(id: Int64, status: ScheduledRun.Status, summary: String, at date: Date = Date()) throws -> ScheduledRun {
        try writer.write { db in
            try db.execute(sql: "UPDATE scheduled_run SET status = ?, summary = ?, finished_at = ? WHERE id = ?",
                           arguments: [status.rawValue, summary, Self.utcText(date), id])
            return try Self.scheduledRun(id: id, db)
        }
    }

    /// Runs a stopped process left `running` can never finish: they are marked interrupted. Returns how many.
    @discardableResult
    public func markInterruptedScheduledRuns(at date: Date = Date()) throws -> Int {
        try writer.write { db in
            try db.execute(sql: "UPDATE scheduled_run SET status = 'interrupted', finished_at = ?, summary = 'the process stopped during the run' WHERE status = 'running'",
                           arguments: [Self.utcText(date)])
            return db.changesCount
        }
    }

    /// The history, newest first, optionally of one schedule.
    public func scheduledRuns(schedule: String? = nil, limit: Int = 200) throws -> [ScheduledRun] {
        try writer.read { db in
            try StoreRow.fetchAll(db, sql: "SELECT * FROM scheduled_run WHERE (CAST(? AS TEXT) IS NULL OR schedule_name = ?) ORDER BY id DESC LIMIT ?",
                             arguments: [schedule, schedule, limit]).map(Self.scheduledRun)
        }
    }

    static func scheduledRun(id: Int64, _ db: any StoreSession) throws -> ScheduledRun {
        try StoreRow.fetchOne(db, sql: "SELECT * FROM scheduled_run WHERE id = ?", arguments: [id]).map(scheduledRun)!
    }

    static func scheduledRun(_ row: StoreRow) -> ScheduledRun {
        ScheduledRun(id: row["id"], scheduleName: row["schedule_name"], sourceKey: row["source_key"], period: row["period"], slot: row["slot"],
                     startedAt: row["started_at"], finishedAt: row["finished_at"],
                     status: ScheduledRun.Status(rawValue: row["status"]) ?? .failed, summary: row["summary"])
    }
}
