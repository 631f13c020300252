public import CloseStore
import Governance
import Foundation

/// The note that publishes a checkpoint on the company's chatter in Odoo: readable by people, and carrying the
/// signed statement and its signature so `closer audit verify --odoo` can hold the chain against it later.
public enum AuditHeadNote {
    /// Every note starts its marker with this, so all of them are found by one search.
    public static let markerPrefix = "[closer-audit-checkpoint "

    /// Names one checkpoint of one chain: searched for before posting, so a rerun never posts twice.
    public static func marker(for checkpoint: AuditCheckpoint) -> String {
        "\(markerPrefix)\(checkpoint.chainID.prefix(16))#\(checkpoint.number)]"
    }

    public static func body(for checkpoint: AuditCheckpoint) -> String {
        "Closer signed its audit trail's head: event #\(checkpoint.seq), checkpoint \(checkpoint.number) \(marker(for: checkpoint)). "
            + "Kept here so that a rewrite of the trail inside Closer's store shows: `closer audit verify --odoo`.\n"
            + checkpoint.statement.canonicalText + "signature \(checkpoint.signature)\n"
    }

    /// The signed head a note carries, whatever markup Odoo wrapped the text in; nil when it holds none.
    public static func signedHead(in body: String, messageID: Int, date: String) -> SignedHead? {
        func field(_ name: String, _ pattern: String) -> String? {
            guard let range = body.range(of: "\(name) (\(pattern))", options: .regularExpression) else { return nil }
            return String(body[range].dropFirst(name.count + 1))
        }
        guard let chain = field("chain", "[0-9a-f]{64}"), let seq = field("seq", "[0-9]+").flatMap({ Int64($0) }),
              let head = field("head", "[0-9a-f]{64}"), let signedAt = field("signed-at", "[0-9T:.Z-]+"),
              let keyID = field("key", "[0-9a-f]{16}"), let signature = field("signature", "[A-Za-z0-9+/=]+") else { return nil }
        let number = body.range(of: "#[0-9]+\\]", options: .regularExpression).flatMap { Int64(body[$0].dropFirst().dropLast()) }
        return SignedHead(statement: AuditCheckpointStatement(chainID: chain, seq: seq, headHash: head, signedAt: signedAt, keyID: keyID),
                          signature: signature, label: "the head published in Odoo on \(date) UTC (message \(messageID)"
                              + (number.map { ", checkpoint \($0)" } ?? "") + ")", checkpoint: number)
    }
}
