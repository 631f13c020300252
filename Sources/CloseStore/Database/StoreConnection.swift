import GRDB

/// The store's connection. Every query passes through here, so a damaged, read-only, full or busy file
/// reaches the user as a `StoreError` sentence naming the file, never as SQLite's own text.
struct StoreConnection: Sendable {
    let database: any DatabaseWriter
    /// Set for a firm worker's step: every write first checks that the job's lease is still this one's.
    let fence: StoreFence?

    init(_ database: any DatabaseWriter, fence: StoreFence? = nil) {
        self.database = database
        self.fence = fence
    }

    var path: String { database.path }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try translating { try database.read(body) }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try translating {
            try database.write { db in
                if let fence { try fence.check(db, path: path) }
                return try body(db)
            }
        }
    }

    func unsafeRead<T>(_ body: (Database) throws -> T) throws -> T {
        try translating { try database.unsafeRead(body) }
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
