import Foundation
import GRDB
import Governance

extension AppDatabase {
    /// v7: users and their roles, hashed API tokens, one row per approval of a proposal version, and
    /// who prepared each proposal (separation of duties needs it). The agent user exists from here on.
    static func migrateUsersAndApprovals(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE closer_user (
                id INTEGER PRIMARY KEY,
                login TEXT NOT NULL UNIQUE CHECK (login <> ''),
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('human', 'agent')),
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                odoo_user_id INTEGER,
                created_at TEXT NOT NULL
            );
            CREATE TABLE user_role (
                user_id INTEGER NOT NULL REFERENCES closer_user(id),
                role TEXT NOT NULL CHECK (role IN ('viewer', 'preparer', 'approver', 'controller', 'admin')),
                granted_by TEXT NOT NULL,
                granted_at TEXT NOT NULL,
                PRIMARY KEY (user_id, role)
            );
            CREATE TABLE api_token (
                id INTEGER PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES closer_user(id),
                prefix TEXT NOT NULL UNIQUE,
                token_sha256 TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
                created_at TEXT NOT NULL,
                last_used_at TEXT,
                revoked_at TEXT
            );
            CREATE TABLE proposal_approval (
                id INTEGER PRIMARY KEY,
                proposal_kind TEXT NOT NULL CHECK (proposal_kind IN ('adjustment', 'bank-match')),
                proposal_id INTEGER NOT NULL,
                evidence_sha256 TEXT NOT NULL,
                user_id INTEGER NOT NULL REFERENCES closer_user(id),
                role TEXT NOT NULL CHECK (role IN ('approver', 'controller')),
                approved_at TEXT NOT NULL,
                UNIQUE (proposal_kind, proposal_id, evidence_sha256, user_id)
            );
            ALTER TABLE adjustment_proposal ADD COLUMN prepared_by TEXT;
            ALTER TABLE match_proposal ADD COLUMN prepared_by TEXT;
            """)
        try db.execute(sql: "INSERT INTO closer_user (login, name, kind, created_at) VALUES (?, 'Closer agent', 'agent', ?)",
                       arguments: [CloserUser.agentLogin, utcText(Date())])
    }
}
