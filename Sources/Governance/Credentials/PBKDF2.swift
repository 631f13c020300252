import Crypto
import _CryptoExtras
public import Foundation

/// PBKDF2 with HMAC-SHA256 (RFC 8018), from swift-crypto's extras (BoringSSL's PKCS5_PBKDF2_HMAC): slow on
/// purpose, so a stolen store does not give passwords away cheaply.
public enum PBKDF2 {
    public static func sha256(password: some DataProtocol, salt: some DataProtocol, iterations: Int, byteCount: Int = 32) -> [UInt8] {
        precondition(iterations > 0 && byteCount > 0)
        // The unchecked entry point: the checked one refuses fewer than 210,000 rounds, but hashes stored with the
        // schema's minimum (100,000) must still verify, and the reference vectors use 1 to 4,096.
        do {
            return try KDF.Insecure.PBKDF2.deriveKey(from: password, salt: salt, using: .sha256, outputByteCount: byteCount,
                                                     unsafeUncheckedRounds: iterations).withUnsafeBytes { Array($0) }
        } catch {
            // BoringSSL fails only when it cannot allocate: nothing a caller could do about it.
            preconditionFailure("PBKDF2 failed in BoringSSL: \(error)")
        }
    }
}
