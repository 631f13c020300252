import Foundation
public import Logging

/// Writes each log record as one JSON object per line on standard error, so log collectors can
/// index the request id, route and status without parsing prose. The line is written by hand:
/// it is on every request's path, and a general JSON serializer cost more than the request.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private static let output = FileHandle.standardError

    public init(label: String) {
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [(String, String)] = [("time", Date().formatted(.iso8601)), ("level", event.level.rawValue), ("logger", label),
                                          ("message", "\(event.message)")]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key }) {
            // Hummingbird's request id key, under the name log queries use.
            fields.append((key == "hb.request.id" ? "request_id" : key, "\(value)"))
        }
        var line = "{" + fields.map { Self.quoted($0.0) + ":" + Self.quoted($0.1) }.joined(separator: ",") + "}\n"
        line.withUTF8 { Self.output.write(Data($0)) }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
