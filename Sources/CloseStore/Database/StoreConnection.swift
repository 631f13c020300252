import GRDB

/// The store's connection, on either engine. Every query passes through here, so a damaged, read-only, full or busy file
/// reaches the user as a `StoreError` sentence naming the file, never as SQLite's own text.
struct StoreConnection: Sendable {
    enum Engine: Sendable {
        /// The embedded default: a file (a `DatabasePool` in WAL mode) or memory (a `DatabaseQueue`).
        case sqlite(any DatabaseWriter)
        /// A firm's: a company's schema on a PostgreSQL server.
        case postgres(PostgresStoreConnection)
    }

    let engine: Engine
    /// Set for a firm worker's step: every write first checks that the job's lease is still this one's.
    let fence: StoreFence?

    init(_ engine: Engine, fence: StoreFence? = nil) {
        self.engine = engine
        self.fence = fence
    }

    init(_ database: any DatabaseWriter, fence: StoreFence? = nil) {
        self.init(.sqlite(database), fence: fence)
    }

    /// The file, or the PostgreSQL URL without its password.
    var path: String {
        switch engine {
        case .sqlite(let database): database.path
        case .postgres(let connection): connection.name
        }
    }

    var dialect: StoreDialect {
        switch engine {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }

    func read<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        switch engine {
        case .sqlite(let database): try translating { try database.read { try body(SQLiteStoreSession($0)) } }
        case .postgres(let connection): try connection.transaction(writing: false, body)
        }
    }

    func write<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        let path = path
        switch engine {
        case .sqlite(let database):
            return try translating {
                try database.write { db in
                    let session = SQLiteStoreSession(db)
                    try fence?.check(session, path: path)
                    return try body(session)
                }
            }
        case .postgres(let connection):
            return try connection.transaction(writing: true) { session in
                try fence?.check(session, path: path)
                return try body(session)
            }
        }
    }

    /// A read outside any transaction where the engine allows it (SQLite), for reads that must not wait for one.
    func unsafeRead<T>(_ body: (any StoreSession) throws -> T) throws -> T {
        switch engine {
        case .sqlite(let database): try translating { try database.unsafeRead { try body(SQLiteStoreSession($0)) } }
        case .postgres(let connection): try connection.transaction(writing: false, body)
        }
    }

    func translating<T>(_ body: () throws -> T) throws -> T {
        try Self.translating(path: path, body)
    }

    static func translating<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreError(error, path: path) ?? error
        }
    }
}
