import Foundation
import Yams

/// closer.yaml: nested keys flattened to dotted paths ("odoo.url"). Unknown keys are errors that
/// name the file, line and key, so a typo never silently falls back to a default.
public struct ConfigFile: Sendable {
    public var path: String
    public var values: [String: String]

    public static let defaultPath = "closer.yaml"

    /// Loads `path`; with no explicit path, a missing ./closer.yaml simply means "no file".
    public static func load(path explicit: String?) throws -> ConfigFile? {
        let path = explicit ?? ConfigFile.defaultPath
        guard FileManager.default.fileExists(atPath: path) else {
            if explicit != nil { throw ConfigFileError(path: path, line: nil, message: "the file does not exist") }
            return nil
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConfigFileError(path: path, line: nil, message: "cannot be read (\(error.localizedDescription))")
        }
        return try ConfigFile(path: path, text: text, known: Set(Setting.all.map(\.key)))
    }

    public init(path: String, text: String, known: Set<String>) throws {
        self.path = path
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw ConfigFileError(path: path, line: Self.line(of: error), message: "is not valid YAML: \(Self.summary(of: error))")
        }
        values = try root.map { try Self.settings(in: $0, path: path, known: known) } ?? [:]
    }

    /// A mapping of settings flattened to dotted keys; an unknown key or a nested value where one value
    /// belongs is an error naming the file's line.
    static func settings(in node: Node, path: String, known: Set<String>) throws -> [String: String] {
        var values: [String: String] = [:]
        func walk(_ node: Node, prefix: String) throws {
            guard let mapping = node.mapping else {
                throw ConfigFileError(path: path, line: node.mark.map { $0.line }, message: "expected a mapping of settings\(prefix.isEmpty ? "" : " under '\(prefix)'")")
            }
            for (keyNode, valueNode) in mapping {
                let key = prefix.isEmpty ? (keyNode.string ?? "") : prefix + "." + (keyNode.string ?? "")
                if valueNode.mapping != nil {
                    try walk(valueNode, prefix: key)
                } else if known.contains(key), let scalar = valueNode.scalar {
                    values[key] = scalar.string
                } else {
                    let hint = known.contains(key) ? "must be a single value" : "is not a Closer setting (known: \(known.sorted().joined(separator: ", ")))"
                    throw ConfigFileError(path: path, line: keyNode.mark.map { $0.line }, message: "key '\(key)' \(hint)")
                }
            }
        }
        try walk(node, prefix: "")
        return values
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: String(describing: error)
        }
    }
}

public struct ConfigFileError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var line: Int?
    public var message: String

    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(message)" }
}
