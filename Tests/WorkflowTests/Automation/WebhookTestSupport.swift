import CloseStore
import Foundation
import GRDB
import PostgresSupport

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date {
        lock.lock(); defer { lock.unlock() }
        return current
    }

    func advance(seconds: TimeInterval) {
        lock.lock(); defer { lock.unlock() }
        current = current.addingTimeInterval(seconds)
    }
}

/// Holds a piece of work until the test opens it.
actor Gate {
    private var open = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if open { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        open = true
        waiting.forEach { $0.resume() }
        waiting = []
    }
}

/// Every row of every table of a store, so a test can tell that nothing at all changed.
enum StoreContents {
    static func dump(path: String) throws -> [String] {
        if AppDatabase.isPostgresURL(path) { return String(decoding: try TestStore.contents(of: path), as: UTF8.self).components(separatedBy: "\n") }
        return try DatabaseQueue(path: path).read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map { "\(table): \($0.description)" }.sorted()
            }
        }
    }

    static func temporaryStorePath() -> String {
        TestStore.location(in: FileManager.default.temporaryDirectory.appendingPathComponent("closer-webhooks-\(UUID().uuidString)"))
    }
}
