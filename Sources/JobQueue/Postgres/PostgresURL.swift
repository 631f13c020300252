import Foundation
public import PostgresNIO

/// Reads a connection URL, `postgres://user:password@host:5432/database?sslmode=require`, into
/// postgres-nio's configuration. The password is never repeated in an error.
public enum PostgresURL {
    public static func configuration(_ text: String) throws -> PostgresClient.Configuration {
        guard let url = URLComponents(string: text), let scheme = url.scheme, ["postgres", "postgresql"].contains(scheme.lowercased()),
              let host = url.host, !host.isEmpty else {
            throw JobQueueError.invalidConfiguration("The PostgreSQL URL must read postgres://USER:PASSWORD@HOST:PORT/DATABASE; check its spelling (the password is not shown here).")
        }
        guard let user = url.user, !user.isEmpty else {
            throw JobQueueError.invalidConfiguration("The PostgreSQL URL for \(host) names no user: write postgres://USER:PASSWORD@\(host)/DATABASE.")
        }
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        let sslMode = url.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        let tls: PostgresClient.Configuration.TLS
        switch sslMode {
        case "disable": tls = .disable
        case "prefer": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-full": tls = .require(.makeClientConfiguration())
        default:
            throw JobQueueError.invalidConfiguration("sslmode=\(sslMode) in the PostgreSQL URL for \(host) is not understood: use disable, prefer, require or verify-full.")
        }
        return PostgresClient.Configuration(host: host, port: url.port ?? 5432, username: user, password: url.password,
                                            database: database.isEmpty ? nil : database, tls: tls)
    }
}
