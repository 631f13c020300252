public import Governance

/// A signed head to hold the chain against: a checkpoint in the store, or a copy published outside it.
public struct SignedHead: Sendable {
    public var statement: AuditCheckpointStatement
    public var signature: String
    /// How problems name it: "checkpoint 7 (2026-12-01T18:00:00.000Z)", "the head published in Odoo as message 812".
    public var label: String
    public var checkpoint: Int64?

    public init(statement: AuditCheckpointStatement, signature: String, label: String, checkpoint: Int64?) {
        self.statement = statement
        self.signature = signature
        self.label = label
        self.checkpoint = checkpoint
    }

    public init(_ checkpoint: AuditCheckpoint) {
        self.init(statement: checkpoint.statement, signature: checkpoint.signature, label: checkpoint.label, checkpoint: checkpoint.number)
    }
}

/// Holds signed heads against the trusted keys and the chain as it is now: a head signed by an unknown key
/// is refused, a forged or edited one fails its signature, and a rewritten or shortened chain no longer has
/// the signed hash at the signed position.
struct SignedHeadCheck {
    var keys: AuditTrustedKeys?
    var chainID: String?
    var lastSeq: Int64
    var hashAt: (Int64) throws -> String?

    enum Outcome {
        case matches
        case refused(AuditProblem)
        case mismatch(AuditProblem)
    }

    /// `after`: the last event an earlier head still vouches for, so a rewrite is located between the two.
    func check(_ head: SignedHead, after: Int64) throws -> Outcome {
        let statement = head.statement
        if let keys {
            guard let key = keys.key(id: statement.keyID) else {
                return .refused(AuditProblem(kind: .untrustedKey, checkpoint: head.checkpoint, detail:
                    "\(head.label) is signed by key \(statement.keyID), which is not among the trusted keys (\(keys.keyIDs.joined(separator: ", "))): refused"))
            }
            guard key.isValidSignature(head.signature, of: statement) else {
                return .refused(AuditProblem(kind: .badSignature, checkpoint: head.checkpoint, detail:
                    "\(head.label)'s signature does not match what it says it signed (event #\(statement.seq), hash \(statement.headHash.prefix(12))…): it was edited or forged"))
            }
        }
        guard statement.chainID == chainID else {
            return .mismatch(AuditProblem(kind: .rewritten, seq: 1, checkpoint: head.checkpoint, detail: chainID == nil
                ? "the trail is empty, but \(head.label) signed it up to event #\(statement.seq): every event was removed"
                : "is no longer the first event \(head.label) signed: the chain was replaced from its start"))
        }
        guard statement.seq <= lastSeq else {
            return .mismatch(AuditProblem(kind: .truncated, seq: lastSeq + 1, checkpoint: head.checkpoint, detail:
                "the trail ends at event #\(lastSeq), but \(head.label) signed it up to event #\(statement.seq): "
                + "events #\(lastSeq + 1)…#\(statement.seq) were removed"))
        }
        guard try hashAt(statement.seq) == statement.headHash else {
            let range = after + 1 == statement.seq ? "event #\(statement.seq) itself" : "an event from #\(after + 1) to #\(statement.seq)"
            return .mismatch(AuditProblem(kind: .rewritten, seq: statement.seq, checkpoint: head.checkpoint, detail:
                "no longer matches the head signed at \(head.label): \(range) was rewritten after it was signed"
                + (after > 0 ? " (event #\(after) still matches an earlier signed head)" : "")))
        }
        return .matches
    }
}
