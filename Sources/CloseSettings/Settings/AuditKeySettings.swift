public import Governance
import Foundation

/// The audit trail's anchoring keys, from outside the store: the signing key (a key file, CLOSER_AUDIT_KEY_FILE,
/// or the key itself, CLOSER_AUDIT_SIGNING_KEY) and the public keys a verifier trusts (CLOSER_AUDIT_PUBLIC_KEYS,
/// CLOSER_AUDIT_PUBLIC_KEYS_FILE, plus the signing key's own). No error ever quotes a private key.
public struct AuditKeySettings: Sendable {
    public var signingKey: AuditSigningKey?
    public var trustedKeys: AuditTrustedKeys

    /// Collects every problem before failing, like the other settings.
    public init(resolving settings: SettingsResolver) throws {
        var invalid: [String] = []
        let keyFile = settings.string(.auditKeyFile)
        let keyText = settings.string(.auditSigningKey)
        var signingKey: AuditSigningKey?
        if keyFile != nil && keyText != nil {
            invalid.append("give the audit signing key once: \(Setting.auditKeyFile.environment) or \(Setting.auditSigningKey.environment), not both")
        } else if let keyFile {
            signingKey = Self.readKeyFile(keyFile, into: &invalid)
        } else if let keyText {
            signingKey = AuditSigningKey(text: keyText)
            if signingKey == nil {
                invalid.append("\(Setting.auditSigningKey.environment) is not an Ed25519 private key (32 bytes as base64 or hex); "
                               + "`closer audit keygen --output FILE` makes one")
            }
        }
        var publicKeys: [AuditPublicKey] = signingKey.map { [$0.publicKey] } ?? []
        var listed = settings.string(.auditPublicKeys) ?? ""
        if let path = settings.string(.auditPublicKeysFile) {
            do { listed += "\n" + (try String(contentsOfFile: path, encoding: .utf8)) } catch {
                invalid.append("audit.public_keys_file '\(path)' cannot be read: create it with one public key a line, or fix the path")
            }
        }
        let parsed = AuditTrustedKeys.parse(listed)
        publicKeys += parsed.keys
        invalid += parsed.invalid.map { "'\($0)' in the trusted audit keys is not an Ed25519 public key (32 bytes as base64 or hex)" }
        guard invalid.isEmpty else { throw SettingsError(missing: [], invalid: invalid) }
        self.signingKey = signingKey
        trustedKeys = AuditTrustedKeys(publicKeys)
    }

    /// Anchoring is configured when something signs or something is trusted.
    public var isConfigured: Bool { signingKey != nil || !trustedKeys.isEmpty }

    /// For views that verify in passing (the dashboard): without configuration, signatures are left unchecked
    /// and said so, rather than every checkpoint reported as unverifiable.
    public var trustedKeysIfConfigured: AuditTrustedKeys? { isConfigured ? trustedKeys : nil }

    /// A key file must exist, be readable by its owner only, and hold one key; its content is never echoed.
    static func readKeyFile(_ path: String, into invalid: inout [String]) -> AuditSigningKey? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            invalid.append("audit.key_file '\(path)' cannot be read: make one with `closer audit keygen --output \(path)`, or fix the path")
            return nil
        }
        if let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0 {
            invalid.append("audit.key_file '\(path)' can be read by other users (mode \(String(mode, radix: 8))): `chmod 600 \(path)`")
            return nil
        }
        guard let key = AuditSigningKey(text: text) else {
            invalid.append("audit.key_file '\(path)' does not hold an Ed25519 private key (32 bytes as base64 or hex); "
                           + "`closer audit keygen --output FILE` makes one")
            return nil
        }
        return key
    }
}
