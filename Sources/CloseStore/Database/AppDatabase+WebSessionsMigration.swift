import GRDB

extension AppDatabase {
    /// v12: dashboard passwords (PBKDF2 hashes with their salt) and browser sessions (only the
    /// session id's SHA-256 is kept, with the CSRF token its forms carry).
    static func migrateWebSessions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE user_password (
                user_id INTEGER PRIMARY KEY REFERENCES closer_user(id),
                algorithm TEXT NOT NULL CHECK (algorithm = 'pbkdf2-hmac-sha256'),
                iterations INTEGER NOT NULL CHECK (iterations >= 100000),
                salt TEXT NOT NULL CHECK (length(salt) >= 32),
                hash TEXT NOT NULL CHECK (length(hash) = 64),
                set_by TEXT NOT NULL,
                set_at TEXT NOT NULL
            );
            CREATE TABLE web_session (
                id INTEGER PRIMARY KEY,
                session_sha256 TEXT NOT NULL UNIQUE CHECK (length(session_sha256) = 64),
                user_id INTEGER NOT NULL REFERENCES closer_user(id),
                csrf_token TEXT NOT NULL CHECK (length(csrf_token) = 64),
                method TEXT NOT NULL CHECK (method IN ('password', 'api-token')),
                created_at TEXT NOT NULL,
                last_seen_at TEXT NOT NULL
            );
            """)
    }
}
