import Crypto
import Foundation

/// The private key that signs checkpoints of the audit trail's head. It lives outside the store (a key file
/// or the environment) and is never written to the store, a log, an error or a report: its descriptions
/// name only its key id.
public struct AuditSigningKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The 32 raw bytes; a valid Ed25519 private key by construction.
    let raw: Data

    public static func generate() -> AuditSigningKey { AuditSigningKey(Curve25519.Signing.PrivateKey()) }

    /// Parses base64 or hex of the 32 raw bytes; nil when the text is not such a key (the text is never echoed).
    public init?(text: String) {
        guard let bytes = AuditKeyText.rawBytes(text), let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes) else { return nil }
        self.init(key)
    }

    init(_ key: Curve25519.Signing.PrivateKey) {
        raw = key.rawRepresentation
    }

    var key: Curve25519.Signing.PrivateKey {
        // Cannot fail: `raw` came from a valid key.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    }

    public var publicKey: AuditPublicKey { AuditPublicKey(key.publicKey) }

    /// Signs the statement's canonical text; the signature as base64.
    public func sign(_ statement: AuditCheckpointStatement) throws -> String {
        try key.signature(for: Data(statement.canonicalText.utf8)).base64EncodedString()
    }

    /// What `closer audit keygen` writes to the key file.
    public var fileText: String {
        """
        # Closer audit signing key (Ed25519, raw 32 bytes, base64). Whoever holds it can sign audit checkpoints:
        # keep it outside the store, readable by Closer's account only. Public key: \(publicKey.text)
        \(raw.base64EncodedString())

        """
    }

    public var description: String { "audit signing key \(publicKey.keyID)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["keyID": publicKey.keyID]) }
}
