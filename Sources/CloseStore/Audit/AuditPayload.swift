import Foundation

/// Structured details of an audit event. Values under keys that name a secret (password, api key,
/// token, secret) are replaced before the payload is stored, so a careless caller cannot leak one.
public struct AuditPayload: Sendable, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [String: String]

    public init(dictionaryLiteral elements: (String, String)...) {
        fields = [:]
        for (key, value) in elements { self[key] = value }
    }

    public init(_ fields: [String: String]) {
        self.fields = [:]
        for (key, value) in fields { self[key] = value }
    }

    public subscript(key: String) -> String? {
        get { fields[key] }
        set { fields[key] = newValue.map { Self.isSecret(key) ? "<redacted>" : $0 } }
    }

    /// Canonical JSON: sorted keys, so the same payload always hashes the same.
    public var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(fields)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func isSecret(_ key: String) -> Bool {
        let folded = key.lowercased().filter(\.isLetter)
        return ["password", "apikey", "token", "secret", "credential"].contains { folded.contains($0) }
    }
}
