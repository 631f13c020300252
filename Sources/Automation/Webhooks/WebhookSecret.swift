import Crypto
import Foundation

/// A shared secret read from the environment. It prints as "<redacted>", so it cannot reach a log,
/// an error or a report by accident, and it compares in constant time.
public struct WebhookSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let bytes: [UInt8]

    public init(_ text: String) { bytes = Array(text.utf8) }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }

    var key: SymmetricKey { SymmetricKey(data: bytes) }

    /// Whether `candidate` is the secret, taking the same time wherever they differ: both are hashed
    /// first, so neither the length nor the first differing byte shows in the timing.
    public func matches(_ candidate: some StringProtocol) -> Bool {
        Self.equalInConstantTime(Array(SHA256.hash(data: bytes)), Array(SHA256.hash(data: Array(candidate.utf8))))
    }

    /// Byte-for-byte equality that looks at every byte whatever the first difference.
    static func equalInConstantTime(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
