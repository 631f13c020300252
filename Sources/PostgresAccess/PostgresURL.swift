public import Foundation
public import PostgresNIO

/// Reads a connection URL, `postgres://user:password@host:5432/database?sslmode=require`, into
/// postgres-nio's configuration. The password is never repeated in an error.
public enum PostgresURL {
    /// For a pool of connections (the queue's, the directory's).
    public static func configuration(_ text: String) throws -> PostgresClient.Configuration {
        let parts = try Parts(text)
        let tls: PostgresClient.Configuration.TLS = switch parts.sslMode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
        return PostgresClient.Configuration(host: parts.host, port: parts.port, username: parts.user, password: parts.password,
                                            database: parts.database, tls: tls)
    }

    /// For one connection held by its owner (a tenant's store).
    public static func connectionConfiguration(_ text: String) throws -> PostgresConnection.Configuration {
        let parts = try Parts(text)
        let tls: PostgresConnection.Configuration.TLS = switch parts.sslMode {
        case .disable: .disable
        case .prefer: .prefer(try .init(configuration: .makeClientConfiguration()))
        case .require: .require(try .init(configuration: .makeClientConfiguration()))
        }
        return PostgresConnection.Configuration(host: parts.host, port: parts.port, username: parts.user, password: parts.password,
                                                database: parts.database, tls: tls)
    }

    /// The URL's query item `name` (`?schema=acme`), if any.
    public static func option(_ name: String, in text: String) -> String? {
        URLComponents(string: text)?.queryItems?.first { $0.name == name }?.value
    }

    /// The URL without its password, to name the server in messages and logs.
    public static func redacted(_ text: String) -> String {
        guard var url = URLComponents(string: text) else { return "(a PostgreSQL URL that cannot be read)" }
        if url.password != nil { url.password = "…" }
        return url.string ?? "(a PostgreSQL URL that cannot be read)"
    }

    private struct Parts {
        enum SSLMode { case disable, prefer, require }

        var host: String
        var port: Int
        var user: String
        var password: String?
        var database: String?
        var sslMode: SSLMode

        init(_ text: String) throws {
            guard let url = URLComponents(string: text), let scheme = url.scheme, ["postgres", "postgresql"].contains(scheme.lowercased()),
                  let host = url.host, !host.isEmpty else {
                throw PostgresURLError("The PostgreSQL URL must read postgres://USER:PASSWORD@HOST:PORT/DATABASE; check its spelling (the password is not shown here).")
            }
            guard let user = url.user, !user.isEmpty else {
                throw PostgresURLError("The PostgreSQL URL for \(host) names no user: write postgres://USER:PASSWORD@\(host)/DATABASE.")
            }
            let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
            switch url.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "disable" {
            case "disable": sslMode = .disable
            case "prefer": sslMode = .prefer
            case "require", "verify-full": sslMode = .require
            case let other:
                throw PostgresURLError("sslmode=\(other) in the PostgreSQL URL for \(host) is not understood: use disable, prefer, require or verify-full.")
            }
            self.host = host
            port = url.port ?? 5432
            self.user = user
            password = url.password
            self.database = database.isEmpty ? nil : database
        }
    }
}

/// A connection URL that cannot be used, said without its password.
public struct PostgresURLError: Error, LocalizedError, Equatable {
    public let message: String

    init(_ message: String) {
        self.message = message
    }

    public var errorDescription: String? { message }
}
