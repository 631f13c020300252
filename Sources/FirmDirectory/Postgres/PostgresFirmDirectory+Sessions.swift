import Crypto
import Governance
import JobQueue
import PostgresNIO

/// The console's sign-ins. A member signs in with their token once; the browser then holds a random session id
/// that ends at sign-out, at its expiry, or when the member is deactivated. Only the id's SHA-256 is kept.
extension PostgresFirmDirectory {
    /// Starts a session for `login` lasting `length`; returns its id, to be shown to nobody but the browser.
    public func startSession(login: String, lasting length: Duration) async throws -> String {
        let id = "cls_" + RandomToken.hex(bytes: 32)
        let seconds = Double(length.components.seconds)
        try await mapped(login: login) {
            try await client.query("""
                INSERT INTO \(unescaped: schema).firm_sessions (id_sha256, login, expires_at)
                VALUES (\(SHA256.hex(id)), \(login), now() + make_interval(secs => \(seconds)))
                """, logger: logger)
        }
        return id
    }

    /// The active member whose session this is; unknown, ended or expired sessions are `unknownToken`.
    public func member(session id: String) async throws -> FirmMember {
        let login = try await mapped {
            let rows = try await client.query("""
                SELECT login FROM \(unescaped: schema).firm_sessions
                WHERE id_sha256 = \(SHA256.hex(id)) AND ended_at IS NULL AND expires_at > now()
                """, logger: logger).collect()
            guard let login = try rows.first?.decode(String.self) else { throw FirmDirectoryError.unknownToken }
            return login
        }
        let found = try await member(login)
        guard found.active else { throw FirmDirectoryError.inactiveMember(login) }
        return found
    }

    /// Ends the session (sign-out); an unknown or ended one is left as it is.
    public func endSession(_ id: String) async throws {
        try await mapped {
            try await client.query("UPDATE \(unescaped: schema).firm_sessions SET ended_at = now() WHERE id_sha256 = \(SHA256.hex(id)) AND ended_at IS NULL",
                                   logger: logger)
        }
    }
}
