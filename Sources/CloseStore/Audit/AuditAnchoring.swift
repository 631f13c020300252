/// Whether the audit trail is anchored by signed checkpoints, and how far: the part of `verify`'s verdict
/// that an insider holding only the store cannot forge.
public struct AuditAnchoring: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// No checkpoint and no trusted key: the chain alone proves nothing against someone who rebuilds it.
        case notConfigured = "not-configured"
        /// Every checkpoint is signed by a trusted key and matches the chain as it is now.
        case anchored
        /// Checkpoints match the chain, but no trusted keys were given to check their signatures.
        case signaturesUnchecked = "signatures-unchecked"
        /// A key is trusted but no checkpoint exists (none was made yet, or they were deleted).
        case unanchored
        /// A checkpoint is forged, signed by an untrusted key, missing, or no longer matches the chain.
        case broken
    }

    public var status: Status
    public var checkpointCount: Int
    /// The ids of the keys signatures were checked with.
    public var trustedKeyIDs: [String]
    /// The newest checkpoint that verified.
    public var latest: AuditCheckpoint?
    /// Events recorded after the newest checkpoint: not anchored yet.
    public var eventsAfterLatest: Int
    /// Heads published outside the store (Odoo notes) that were compared with the chain; nil when not asked.
    public var publishedHeadsChecked: Int?

    public init(status: Status, checkpointCount: Int = 0, trustedKeyIDs: [String] = [], latest: AuditCheckpoint? = nil,
                eventsAfterLatest: Int = 0, publishedHeadsChecked: Int? = nil) {
        self.status = status
        self.checkpointCount = checkpointCount
        self.trustedKeyIDs = trustedKeyIDs
        self.latest = latest
        self.eventsAfterLatest = eventsAfterLatest
        self.publishedHeadsChecked = publishedHeadsChecked
    }

    /// One sentence for people.
    public var summary: String {
        switch status {
        case .notConfigured:
            "Anchoring is not configured: no signed checkpoint and no trusted key, so someone with the store file could rebuild "
                + "the chain unseen (set CLOSER_AUDIT_KEY_FILE; see `closer audit keygen`)."
        case .anchored, .signaturesUnchecked:
            (latest.map { "Anchored by \(checkpointCount) signed checkpoint(s); the latest, \($0.label), signs event #\($0.seq) with key \($0.keyID)" }
                ?? "No events to anchor yet")
                + (eventsAfterLatest > 0 ? "; \(eventsAfterLatest) later event(s) not signed yet" : "")
                + (status == .signaturesUnchecked ? "; signatures NOT checked: no trusted public key was given." : ".")
                + (publishedHeadsChecked.map { " \($0) head(s) published in Odoo match." } ?? "")
        case .unanchored: "Not anchored: a key is trusted but the store holds no signed checkpoint."
        case .broken: "Anchoring BROKEN: see the problems above."
        }
    }
}
