import Crypto
import Foundation

/// The public half of an audit signing key: what an auditor trusts, given from outside the store.
public struct AuditPublicKey: Sendable, Hashable, CustomStringConvertible {
    /// The 32 raw bytes; a valid Ed25519 public key by construction.
    let raw: Data

    init(_ key: Curve25519.Signing.PublicKey) {
        raw = key.rawRepresentation
    }

    /// Parses base64 or hex of the 32 raw bytes; nil when the text is not such a key.
    public init?(text: String) {
        guard let bytes = AuditKeyText.rawBytes(text), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: bytes) else { return nil }
        self.init(key)
    }

    /// The 32 raw bytes as base64, the form `closer audit keygen` prints and CLOSER_AUDIT_PUBLIC_KEYS takes.
    public var text: String { raw.base64EncodedString() }

    /// The first 8 bytes of the key's SHA-256 as hex: named on every checkpoint, so the verifier knows which
    /// trusted key to check it with, and keys can be rotated while old checkpoints stay verifiable.
    public var keyID: String { Array(SHA256.hash(data: raw).prefix(8)).hex }

    public func isValidSignature(_ signature: String, of statement: AuditCheckpointStatement) -> Bool {
        guard let bytes = Data(base64Encoded: signature), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
        return key.isValidSignature(bytes, for: Data(statement.canonicalText.utf8))
    }

    public var description: String { "\(keyID) (\(text))" }
}
