import Foundation

/// How Ed25519 keys are written outside the store: their 32 raw bytes as base64 (what `closer audit keygen`
/// writes) or hex, alone on a line; lines starting with `#` are comments.
enum AuditKeyText {
    static func rawBytes(_ text: String) -> [UInt8]? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let body = lines.filter { !$0.isEmpty && !$0.hasPrefix("#") }.joined()
        if body.count == 64, let bytes = [UInt8](hex: body.lowercased()) { return bytes }
        guard let data = Data(base64Encoded: body), data.count == 32 else { return nil }
        return Array(data)
    }

    /// Several public keys in one text: separated by commas, spaces or lines, comments allowed.
    static func keyTexts(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.hasPrefix("#") }
            .flatMap { $0.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init) }
            .filter { !$0.isEmpty }
    }
}
