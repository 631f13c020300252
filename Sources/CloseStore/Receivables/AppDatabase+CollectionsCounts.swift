public import Receivables

extension AppDatabase {
    /// How many reminders stand in each status (every status present), for the metrics.
    public func reminderCounts() throws -> [CollectionReminder.Status: Int] {
        try statusCounts(in: "collection_reminder")
    }

    /// How many promises to pay stand in each status (every status present), for the metrics.
    public func promiseCounts() throws -> [PromiseToPay.Status: Int] {
        try statusCounts(in: "collection_promise")
    }

    /// How many holds stand in each status (every status present), for the metrics.
    public func creditHoldCounts() throws -> [CreditHoldStatus: Int] {
        try statusCounts(in: "credit_hold")
    }

    /// Rows of a queue table by status, every status of `Status` present (0 when none); a status the table holds
    /// that `Status` does not name is left out.
    private func statusCounts<Status: RawRepresentable & CaseIterable & Hashable>(in table: String) throws -> [Status: Int]
        where Status.RawValue == String {
        try writer.read { db in
            var counts = Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0, 0) })
            for row in try StoreRow.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM \(table) GROUP BY status") {
                if let status = Status(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            return counts
        }
    }
}
