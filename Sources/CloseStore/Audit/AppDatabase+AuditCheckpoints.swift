public import Foundation
public import Governance

extension AppDatabase {
    /// Signs the chain's head as it is now and stores the checkpoint; nil when the trail is empty. When the
    /// latest checkpoint already signs this head with this key, that one is returned and nothing is written.
    /// Head and checkpoint are read and written in one transaction, so a concurrent event cannot slip between.
    @discardableResult
    public func recordAuditCheckpoint(signingWith key: AuditSigningKey, actor: String, at date: Date = Date()) throws -> AuditCheckpoint? {
        try writer.write { db in try Self.appendAuditCheckpoint(signingWith: key, actor: actor, at: date, in: db) }
    }

    /// From now on every run's end (`finishRun`) also signs the head, in the same transaction as the run's
    /// last event, so no finished run is left unanchored. The key stays in memory.
    public func signAuditCheckpointsAtRunEnd(with key: AuditSigningKey?) {
        runEndSigner.use(key)
    }

    @discardableResult
    static func appendAuditCheckpoint(signingWith key: AuditSigningKey, actor: String, at date: Date, in db: any StoreSession) throws -> AuditCheckpoint? {
        guard let head = try StoreRow.fetchOne(db, sql: "SELECT seq, hash FROM audit_head WHERE id = 1"),
              let chainID = try auditChainID(db) else { return nil }
        let keyID = key.publicKey.keyID
        if let latest = try latestAuditCheckpoint(db), latest.seq == head["seq"], latest.headHash == head["hash"], latest.keyID == keyID {
            return latest
        }
        let statement = AuditCheckpointStatement(chainID: chainID, seq: head["seq"], headHash: head["hash"], signedAt: utcText(date), keyID: keyID)
        let signature = try key.sign(statement)
        try db.execute(sql: """
            INSERT INTO audit_checkpoint (chain_id, seq, head_hash, signed_at, key_id, signature, signed_by) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [statement.chainID, statement.seq, statement.headHash, statement.signedAt, keyID, signature, actor])
        return AuditCheckpoint(number: try db.lastInsertedRowID(), statement: statement, signature: signature, signedBy: actor)
    }

    /// Every checkpoint, oldest first.
    public func auditCheckpoints() throws -> [AuditCheckpoint] {
        try writer.read { db in try Self.auditCheckpoints(db) }
    }

    /// The newest checkpoint, what the close package and Odoo carry.
    public func latestAuditCheckpoint() throws -> AuditCheckpoint? {
        try writer.read { db in try Self.latestAuditCheckpoint(db) }
    }

    static func latestAuditCheckpoint(_ db: any StoreSession) throws -> AuditCheckpoint? {
        try StoreRow.fetchOne(db, sql: "SELECT * FROM audit_checkpoint ORDER BY id DESC LIMIT 1").map(auditCheckpoint)
    }

    /// The hash event #`seq` has now, nil when there is no such event.
    public func auditEventHash(seq: Int64) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT hash FROM audit_event WHERE seq = ?", arguments: [seq]) }
    }

    static func auditCheckpoints(_ db: any StoreSession) throws -> [AuditCheckpoint] {
        try StoreRow.fetchAll(db, sql: "SELECT * FROM audit_checkpoint ORDER BY id").map(auditCheckpoint)
    }

    /// The chain's identity: the hash of its first event.
    static func auditChainID(_ db: any StoreSession) throws -> String? {
        try String.fetchOne(db, sql: "SELECT hash FROM audit_event WHERE seq = 1")
    }

    static func auditCheckpoint(_ row: StoreRow) -> AuditCheckpoint {
        AuditCheckpoint(number: row["id"], statement: AuditCheckpointStatement(
            chainID: row["chain_id"], seq: row["seq"], headHash: row["head_hash"], signedAt: row["signed_at"], keyID: row["key_id"]),
            signature: row["signature"], signedBy: row["signed_by"])
    }
}
