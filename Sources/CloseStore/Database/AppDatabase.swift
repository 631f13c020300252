import Foundation
import PostgresAccess
public import GRDB

/// The one owner of Closer's store: a SQLite file (the embedded default) or a company's schema on PostgreSQL (a firm's,
/// opened by a `postgres://…?schema=NAME` URL where a path goes). It migrates on open and exposes intent-named methods;
/// nothing else writes SQL against the store.
public final class AppDatabase: Sendable {
    let writer: StoreConnection
    let runEndSigner = RunEndSigner()

    /// Wraps an open GRDB writer (a `DatabasePool` in WAL mode on disk, a `DatabaseQueue` in tests).
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = StoreConnection(writer)
        try self.writer.translating { try Self.migrator.migrate(writer) }
    }

    /// Another handle on a migrated store's connection (a fenced one: `fenced(by:)`).
    init(connection: StoreConnection) {
        writer = connection
    }

    /// Wraps a connection opened read-only to look at what it holds, whatever its migrations.
    init(inspecting reader: any DatabaseWriter) {
        writer = StoreConnection(reader)
    }

    /// Wraps a connection opened read-only: nothing is migrated, so nothing is written.
    init(readOnly reader: any DatabaseWriter) throws {
        writer = StoreConnection(reader)
        guard try writer.translating({ try reader.read { try Self.migrator.hasCompletedMigrations($0) } }) else { throw StoreError.outdated(path: reader.path) }
    }

    /// The file the store lives in.
    public var path: String { writer.path }

    /// Opens the existing store at `path`: a mistyped path is an error, never a new empty store.
    public static func open(at path: String) throws -> AppDatabase {
        if isPostgresURL(path) {
            let connection = try PostgresStoreConnection(url: path)
            guard try connection.exists() else { throw StoreError.notFound(path: connection.name) }
            return try AppDatabase(postgres: connection)
        }
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notFound(path: path) }
        return try openOrCreate(at: path)
    }

    /// Whether `location` names a store on PostgreSQL rather than a file.
    public static func isPostgresURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// The URL of the store in `schema` on the PostgreSQL server `server` names (its `?schema=` replaced).
    public static func postgresURL(_ server: String, schema: String) -> String {
        guard var components = URLComponents(string: server) else { return server }
        components.queryItems = (components.queryItems ?? []).filter { $0.name != "schema" } + [URLQueryItem(name: "schema", value: schema)]
        return components.string ?? server
    }

    /// The URL of a firm's tenant's store on the PostgreSQL server `server` names: the schema named as the tenant, or
    /// `<prefix>_<tenant>` when `server` says `?schema=<prefix>` (several firms, or a firm's trial and live runs, then
    /// share one database without sharing a schema).
    public static func tenantStoreURL(_ server: String, tenant: String) -> String {
        postgresURL(server, schema: PostgresURL.option("schema", in: server).map { "\($0)_\(tenant)" } ?? tenant)
    }

    /// A fresh schema on the PostgreSQL server `server` names, for a test's store: named `closer_t_…`, which the suite's
    /// run on PostgreSQL drops when it ends.
    public static func throwawayStoreURL(on server: String) -> String {
        postgresURL(server, schema: "closer_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased())
    }

    /// A company's store on PostgreSQL, its schema created or migrated as needed.
    init(postgres connection: PostgresStoreConnection) throws {
        try connection.migrate()
        writer = StoreConnection(.postgres(connection))
    }

    /// Opens the store at `path`, creating it and its folder when missing (`pull`, `demo`, `users add`), in
    /// WAL mode, so readers never block the writer and an interrupted write leaves the previous committed state intact.
    public static func openOrCreate(at path: String) throws -> AppDatabase {
        if isPostgresURL(path) { return try AppDatabase(postgres: PostgresStoreConnection(url: path)) }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "its folder \(directory.path) cannot be created (a file is in the way, or no permission to write there)")
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        return try StoreConnection.translating(path: path) { try AppDatabase(DatabasePool(path: path, configuration: configuration)) }
    }

    /// Opens an existing store for reading only, so an auditor's read-only copy can be verified and the
    /// file is left exactly as it was: no migration, no change of journal mode.
    public static func openReadOnly(at path: String) throws -> AppDatabase {
        if isPostgresURL(path) {
            let connection = try PostgresStoreConnection(url: path)
            guard try connection.exists() else { throw StoreError.notFound(path: connection.name) }
            guard try connection.isMigrated() else { throw StoreError.outdated(path: connection.name) }
            return AppDatabase(connection: StoreConnection(.postgres(connection)))
        }
        return try StoreConnection.translating(path: path) { try AppDatabase(readOnly: readOnlyQueue(at: path)) }
    }

    /// A connection to the existing file at `path` that can never write to it.
    static func readOnlyQueue(at path: String) throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.notFound(path: path) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// A private store that leaves nothing behind, for tests: in memory, or — when `CLOSER_TEST_STORE_URL` names a
    /// PostgreSQL database — a fresh schema there, dropped when the store is released (the suite's run on PostgreSQL).
    public static func inMemory() throws -> AppDatabase {
        if let url = ProcessInfo.processInfo.environment["CLOSER_TEST_STORE_URL"], isPostgresURL(url) {
            return try AppDatabase(postgres: PostgresStoreConnection(throwawayIn: url))
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return try AppDatabase(DatabaseQueue(configuration: configuration))
    }
}
