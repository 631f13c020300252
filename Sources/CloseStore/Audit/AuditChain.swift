import Crypto
import Foundation

/// How an event's hash is computed: SHA-256 over its fields, each length-prefixed so that no two
/// different events can produce the same byte string, followed by the previous event's hash.
enum AuditChain {
    static let genesisHash = String(repeating: "0", count: 64)

    static func hash(seq: Int64, eventID: String, recordedAt: String, actor: String, action: String,
                     targets: String, payload: String, outcome: String, previousHash: String) -> String {
        var hasher = SHA256()
        for field in [String(seq), eventID, recordedAt, actor, action, targets, payload, outcome, previousHash] {
            let bytes = Array(field.utf8)
            hasher.update(data: Array(String(bytes.count).utf8) + [0x3A] + bytes)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    static func targetsJSON(_ targets: [AuditTarget]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(targets)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
