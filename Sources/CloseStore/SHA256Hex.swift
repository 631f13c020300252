import Crypto
import Foundation

extension SHA256 {
    /// The digest as 64 lowercase hex digits, the form audit payloads and idempotency keys carry.
    public static func hex(_ data: some DataProtocol) -> String {
        hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    public static func hex(_ text: String) -> String { hex(Data(text.utf8)) }
}
