public import Foundation
import CloseStore
import PostgresAccess

/// A store a test names by its location, as users do with `--store`: a file in the test's folder, or — in the suite's
/// run on PostgreSQL (CLOSER_TEST_STORE_URL) — a fresh schema on that server, named as `AppDatabase.inMemory()`'s
/// throwaway schemas are, so the run's clean-up drops both. Also what someone with direct access to the store sees and
/// does: its whole contents, and statements run past the engine's guards.
public enum TestStore {
    /// The PostgreSQL server of the suite's run on PostgreSQL; nil on SQLite.
    public static let server = ProcessInfo.processInfo.environment["CLOSER_TEST_STORE_URL"].flatMap { AppDatabase.isPostgresURL($0) ? $0 : nil }

    /// Where a test's store named `name` lives: `name`.sqlite in `directory`, or a schema of its own on the server.
    public static func location(_ name: String = "closer", in directory: URL) -> String {
        guard let server else { return directory.appendingPathComponent("\(name).sqlite").path }
        return AppDatabase.throwawayStoreURL(on: server)
    }

    /// A `--store-server` URL whose tenant stores are schemas no other test uses (its `?schema=` prefixes theirs).
    public static func tenantServer() -> String? {
        server.map { AppDatabase.throwawayStoreURL(on: $0) }
    }

    /// Everything the store holds, as bytes: the file and its write-ahead log, or a dump of the schema's rows.
    public static func contents(of store: String) throws -> Data {
        guard AppDatabase.isPostgresURL(store) else {
            return ["", "-wal", "-shm"].compactMap { FileManager.default.contents(atPath: store + $0) }.reduce(Data(), +)
        }
        let (server, schema) = try serverAndSchema(of: store)
        // pg_dump brackets its script with a fresh random key (\restrict KEY … \unrestrict KEY): not the store's.
        let lines = String(decoding: try tool("pg_dump", ["--data-only", "--schema=\(schema)", server]), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return Data(lines.filter { !$0.hasPrefix("\\restrict ") && !$0.hasPrefix("\\unrestrict ") }.joined(separator: "\n").utf8)
    }

    /// Runs statements on the store by hand, as someone with direct access would (to read it, or to tamper with it):
    /// `sqlite` through sqlite3 on a file, `postgres` (the same text unless given) through psql in the store's schema.
    /// Returns what the shell printed, values bare. The engines guard the audit trail differently (SQLite's triggers
    /// are dropped, PostgreSQL's disabled), so a test that tampers says what it does in each.
    @discardableResult
    public static func byHand(_ store: String, sqlite: String, postgres: String? = nil) throws -> String {
        guard AppDatabase.isPostgresURL(store) else { return String(decoding: try tool("sqlite3", [store, sqlite]), as: UTF8.self) }
        let (server, schema) = try serverAndSchema(of: store)
        let statements = "SET search_path TO \"\(schema)\"; \(postgres ?? sqlite)"
        return String(decoding: try tool("psql", ["-v", "ON_ERROR_STOP=1", "-qtA", "-c", statements, server]), as: UTF8.self)
    }

    /// Makes the store one Closer cannot read, as users meet it: a file overwritten with noise, or a schema a newer
    /// Closer migrated. Returns the words Closer then uses.
    public static func spoil(_ store: String) throws -> String {
        guard AppDatabase.isPostgresURL(store) else {
            try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: store))
            return "damaged"
        }
        _ = try AppDatabase.openOrCreate(at: store)
        try byHand(store, sqlite: "", postgres: "INSERT INTO closer_store_migrations (id) VALUES ('a step from a newer Closer')")
        return "a newer Closer migrated it"
    }

    /// The server's URL without `?schema=` (libpq refuses options it does not know) and the schema it named.
    private static func serverAndSchema(of store: String) throws -> (server: String, schema: String) {
        guard let schema = PostgresURL.option("schema", in: store), var components = URLComponents(string: store) else {
            throw TestStoreError(message: "\(store) names no schema")
        }
        components.queryItems = components.queryItems?.filter { $0.name != "schema" }
        if components.queryItems?.isEmpty == true { components.queryItems = nil }
        return (components.string ?? store, schema)
    }

    /// Runs a command-line tool found on PATH to its end; its output, or an error with what it printed.
    private static func tool(_ name: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestStoreError(message: "\(name) failed (\(process.terminationStatus)): \(String(decoding: errors, as: UTF8.self))")
        }
        return output
    }
}

public struct TestStoreError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
