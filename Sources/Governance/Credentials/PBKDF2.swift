import Crypto
public import Foundation

/// PBKDF2 with HMAC-SHA256 (RFC 8018), built on swift-crypto's HMAC: slow on purpose, so a stolen
/// store does not give passwords away cheaply.
public enum PBKDF2 {
    public static func sha256(password: some DataProtocol, salt: some DataProtocol, iterations: Int, byteCount: Int = 32) -> [UInt8] {
        precondition(iterations > 0 && byteCount > 0)
        // The keyed HMAC state is made once and copied for every round: the key is hashed once, not per round.
        let keyed = HMAC<SHA256>(key: SymmetricKey(data: Array(password)))
        var derived: [UInt8] = []
        var block: UInt32 = 1
        while derived.count < byteCount {
            var first = keyed
            first.update(data: Array(salt) + withUnsafeBytes(of: block.bigEndian, Array.init))
            var round = first.finalize()
            var sum = Words(round)
            for _ in 1..<iterations {
                var next = keyed
                round.withUnsafeBytes { next.update(data: $0) }
                round = next.finalize()
                sum.formXor(Words(round))
            }
            derived += sum.bytes
            block += 1
        }
        return Array(derived.prefix(byteCount))
    }

    /// A SHA-256 output as four machine words: the XOR of every round's output stays cheap even in
    /// an unoptimised build, where a byte loop would cost more than the HMAC itself.
    private struct Words {
        var a, b, c, d: UInt64

        init(_ code: HashedAuthenticationCode<SHA256>) {
            (a, b, c, d) = code.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                 raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
            }
        }

        mutating func formXor(_ other: Words) {
            a ^= other.a
            b ^= other.b
            c ^= other.c
            d ^= other.d
        }

        var bytes: [UInt8] {
            withUnsafeBytes(of: (a, b, c, d)) { Array($0) }
        }
    }
}
