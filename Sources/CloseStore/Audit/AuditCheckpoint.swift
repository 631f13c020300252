public import Governance

/// A signed checkpoint of the audit chain's head, as stored. Only the signature and the key's id are kept:
/// the key itself stays outside the store, and so does the list of keys a verifier trusts.
public struct AuditCheckpoint: Sendable, Codable, Equatable {
    /// Numbered 1, 2, … in the order they were signed.
    public var number: Int64
    public var chainID: String
    public var seq: Int64
    public var headHash: String
    public var signedAt: String
    public var keyID: String
    /// Ed25519 over `statement.canonicalText`, base64.
    public var signature: String
    public var signedBy: String

    public init(number: Int64, statement: AuditCheckpointStatement, signature: String, signedBy: String) {
        self.number = number
        chainID = statement.chainID
        seq = statement.seq
        headHash = statement.headHash
        signedAt = statement.signedAt
        keyID = statement.keyID
        self.signature = signature
        self.signedBy = signedBy
    }

    public var statement: AuditCheckpointStatement {
        AuditCheckpointStatement(chainID: chainID, seq: seq, headHash: headHash, signedAt: signedAt, keyID: keyID)
    }

    /// "checkpoint 7 (2026-12-01T18:00:00.000Z)", how problems name it.
    public var label: String { "checkpoint \(number) (\(signedAt))" }
}
