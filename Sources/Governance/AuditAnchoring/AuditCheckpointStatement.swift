/// What a checkpoint signs: the audit chain it belongs to, the head's sequence number and hash, when and by
/// which key. The canonical text is one field a line, so no two statements share a byte string.
public struct AuditCheckpointStatement: Sendable, Hashable, Codable {
    /// The hash of the chain's first event: names the trail, so a checkpoint of one store never vouches for another.
    public var chainID: String
    public var seq: Int64
    public var headHash: String
    /// UTC, "2026-12-01T18:00:00.000Z".
    public var signedAt: String
    public var keyID: String

    public init(chainID: String, seq: Int64, headHash: String, signedAt: String, keyID: String) {
        self.chainID = chainID
        self.seq = seq
        self.headHash = headHash
        self.signedAt = signedAt
        self.keyID = keyID
    }

    public var canonicalText: String {
        """
        closer-audit-checkpoint v1
        chain \(chainID)
        seq \(seq)
        head \(headHash)
        signed-at \(signedAt)
        key \(keyID)

        """
    }
}
