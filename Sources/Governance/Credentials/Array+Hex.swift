import Foundation
/// Bytes as lowercase hex and back: how salts and hashes are written in the store.
extension Array<UInt8> {
    public var hex: String { map { String(format: "%02x", $0) }.joined() }

    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        self = bytes
    }
}
