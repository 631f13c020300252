import Foundation
import Logging

/// Writes each log record as one JSON object per line on standard error, so log collectors can
/// index the request id, route and status without parsing prose.
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
        var record: [String: String] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            // Hummingbird's request id key, under the name log queries use.
            record[key == "hb.request.id" ? "request_id" : key] = "\(value)"
        }
        record["time"] = Date().formatted(.iso8601)
        record["level"] = event.level.rawValue
        record["logger"] = label
        record["message"] = "\(event.message)"
        guard var line = try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        line.append(0x0A)
        Self.output.write(line)
    }
}
