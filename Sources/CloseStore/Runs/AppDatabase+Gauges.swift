import Foundation

extension AppDatabase {
    /// Everything `/metrics` reports from the store, read in one transaction so the figures agree.
    public func gauges() throws -> StoreGauges {
        try writer.read { db in
            func counts(_ sql: String) throws -> [String: Int] {
                Dictionary(try StoreRow.fetchAll(db, sql: sql).map { ($0[0] as String, $0[1] as Int) }, uniquingKeysWith: +)
            }
            let findings = try counts("""
                SELECT f.severity, COUNT(*) FROM finding f
                JOIN (SELECT company_id, MAX(run_id) AS run_id FROM check_run GROUP BY company_id) latest ON latest.run_id = f.run_id
                GROUP BY f.severity
                """)
            let matches = try counts("SELECT status, COUNT(*) FROM match_proposal GROUP BY status")
            let current = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM match_proposal WHERE status <> 'superseded'") ?? 0
            let auto = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM match_proposal WHERE status <> 'superseded' AND decision = 'auto'") ?? 0
            var durations: [String: [Double]] = [:]
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            for row in try StoreRow.fetchAll(db, sql: "SELECT kind, started_at, finished_at FROM run WHERE finished_at IS NOT NULL") {
                // Times are written by `utcText`, always with milliseconds.
                guard let started = formatter.date(from: row["started_at"]), let finished = formatter.date(from: row["finished_at"]) else { continue }
                durations[row["kind"], default: []].append(max(0, finished.timeIntervalSince(started)))
            }
            return StoreGauges(findingsBySeverity: findings, adjustmentsByStatus: try counts("SELECT status, COUNT(*) FROM adjustment_proposal GROUP BY status"),
                               bankMatchesByStatus: matches, bankMatchesCurrent: current, bankMatchesAuto: auto, runDurations: durations,
                               runsByStatus: try counts("SELECT status, COUNT(*) FROM run GROUP BY status"),
                               webhookDeliveriesByStatus: try counts("SELECT status, COUNT(*) FROM webhook_delivery GROUP BY status"))
        }
    }
}
