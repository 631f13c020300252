import Foundation

/// Base64 in the shapes the wire formats use.
enum Base64 {
    /// Python's `base64.encodebytes`: 76-character lines, each ending in a newline.
    static func encodeLines(_ data: [UInt8]) -> String {
        let encoded = Data(data).base64EncodedString()
        var result = ""
        result.reserveCapacity(encoded.utf8.count + encoded.utf8.count / 76 + 1)
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            result += encoded[start..<end]
            result += "\n"
            start = end
        }
        return result
    }

    static func encode(_ data: [UInt8]) -> String {
        Data(data).base64EncodedString()
    }

    /// Ignores line breaks and other whitespace, as Python's decoder does. Empty bytes arrive as a lone
    /// newline (`encodebytes(b"")` writes "\n"), which Foundation refuses, so that case is answered here.
    static func decode(_ text: String) -> [UInt8]? {
        if text.allSatisfy(\.isWhitespace) { return [] }
        return Data(base64Encoded: text, options: .ignoreUnknownCharacters).map { [UInt8]($0) }
    }
}
