import Foundation
import Hummingbird

/// The fields of a submitted HTML form (application/x-www-form-urlencoded), by name.
struct FormFields: Sendable {
    var values: [String: String]

    subscript(_ name: String) -> String? {
        values[name].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
    }

    /// Reads the request's body; BodyLimitMiddleware has already bounded its size.
    static func read(_ request: Request) async throws -> FormFields {
        var request = request
        let buffer = try await request.collectBody(upTo: .max)
        var values: [String: String] = [:]
        for pair in String(decoding: buffer.readableBytesView, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // Forms encode spaces as '+'; a field that does not decode is left out, not guessed at.
            guard let name = decode(parts[0]), let value = decode(parts.count > 1 ? parts[1] : ""), values[name] == nil else { continue }
            values[name] = value
        }
        return FormFields(values: values)
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
