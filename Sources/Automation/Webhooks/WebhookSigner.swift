import Ledger
import Crypto
public import Foundation

/// Signs outgoing webhooks the way receivers (an n8n workflow, a small script) can check them:
///
///     Closer-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the shared secret>
///
/// A receiver recomputes the HMAC over the timestamp, a dot and the raw body, compares it in constant
/// time, and rejects a timestamp further than the tolerance (5 minutes) from its clock, so a captured
/// request cannot be replayed later. Several `v1=` entries may appear while a secret is being rotated.
public struct WebhookSigner: Sendable {
    public static let header = "Closer-Signature"
    public static let defaultTolerance: Duration = .seconds(300)

    public var secret: WebhookSecret
    public var tolerance: Duration

    public init(secret: WebhookSecret, tolerance: Duration = WebhookSigner.defaultTolerance) {
        self.secret = secret
        self.tolerance = tolerance
    }

    /// The header value for `body` sent at `date`.
    public func signature(for body: some DataProtocol, at date: Date) -> String {
        let timestamp = Int64(date.timeIntervalSince1970.rounded(.down))
        return "t=\(timestamp),v1=" + mac(body, timestamp: timestamp).map { String(format: "%02x", $0) }.joined()
    }

    /// Accepts `header` for `body` only if one of its v1 signatures is the HMAC of its timestamp and the
    /// body, and the timestamp is within the tolerance of `now`.
    public func verify(_ header: String, body: some DataProtocol, now: Date) throws(WebhookSignatureError) {
        var timestamp: Int64?
        var signatures: [[UInt8]] = []
        for part in header.split(separator: ",") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            switch pair[0] {
            case "t": timestamp = Int64(pair[1])
            case "v1": if let bytes = Self.bytes(hex: pair[1]) { signatures.append(bytes) }
            default: continue
            }
        }
        guard let timestamp, !signatures.isEmpty else { throw .malformed }
        let age = abs(now.timeIntervalSince1970 - Double(timestamp))
        guard age <= tolerance.seconds else { throw .outsideTolerance(seconds: Int(age)) }
        let expected = Array(mac(body, timestamp: timestamp))
        guard signatures.contains(where: { WebhookSecret.equalInConstantTime($0, expected) }) else { throw .mismatch }
    }

    private func mac(_ body: some DataProtocol, timestamp: Int64) -> HashedAuthenticationCode<SHA256> {
        var hmac = HMAC<SHA256>(key: secret.key)
        hmac.update(data: Array("\(timestamp).".utf8))
        hmac.update(data: Array(body))
        return hmac.finalize()
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}

/// Why a signature was not accepted (never echoing the secret or the expected signature).
public enum WebhookSignatureError: Error, Equatable, CustomStringConvertible {
    case malformed
    case outsideTolerance(seconds: Int)
    case mismatch

    public var description: String {
        switch self {
        case .malformed: "The Closer-Signature header is missing its t= timestamp or v1= signature."
        case .outsideTolerance(let seconds): "The signature's timestamp is \(seconds) s from now, outside the tolerance: the request may be a replay."
        case .mismatch: "The signature does not match the body: it was changed on the way or signed with another secret."
        }
    }
}
