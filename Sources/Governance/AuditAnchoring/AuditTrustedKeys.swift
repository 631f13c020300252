/// The public keys a verifier trusts, by key id. They come from outside the store (the environment, a file,
/// or derived from the signing key): a key found in the store would let an insider re-sign a rebuilt chain.
/// Keep a retired key in the list after a rotation so the checkpoints it signed stay verifiable.
public struct AuditTrustedKeys: Sendable, Equatable {
    public private(set) var keys: [String: AuditPublicKey]

    public init(_ keys: [AuditPublicKey] = []) {
        self.keys = Dictionary(keys.map { ($0.keyID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var isEmpty: Bool { keys.isEmpty }
    public var keyIDs: [String] { keys.keys.sorted() }

    public func key(id: String) -> AuditPublicKey? { keys[id] }

    /// Parses a list of base64 or hex public keys (commas, spaces or lines between them); the texts that
    /// are not keys come back so the caller can name them.
    public static func parse(_ text: String) -> (keys: [AuditPublicKey], invalid: [String]) {
        var keys: [AuditPublicKey] = [], invalid: [String] = []
        for item in AuditKeyText.keyTexts(text) {
            if let key = AuditPublicKey(text: item) { keys.append(key) } else { invalid.append(item) }
        }
        return (keys, invalid)
    }
}
