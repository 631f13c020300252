import Foundation
public import GRDB
public import Ledger

/// The one owner of Closer's SQLite store. It migrates on open and exposes intent-named methods;
/// nothing else writes SQL against the store.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter

    /// Wraps an open GRDB writer (a `DatabasePool` in WAL mode on disk, a `DatabaseQueue` in tests).
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// Opens (creating if needed) the store at `path` in WAL mode, so readers never block the writer
    /// and an interrupted write leaves the previous committed state intact.
    public static func open(at path: String) throws -> AppDatabase {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(10)
            return try AppDatabase(DatabasePool(path: path, configuration: configuration))
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? error.description)
        }
    }

    /// A private store in memory, for tests and for runs that should leave nothing behind.
    public static func inMemory() throws -> AppDatabase {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return try AppDatabase(DatabaseQueue(configuration: configuration))
    }
}

/// Why the store could not do what was asked, in words a user can act on.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case unknownCompany(SourceKey)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "Cannot open the Closer store at \(path): \(reason). Check the path (--store or CLOSER_STORE) and its permissions."
        case .unknownCompany(let key):
            "Nothing has been pulled for \(key) yet: run `closer pull` first."
        }
    }
}
