public import Foundation
public import Yams

/// Reads typed values out of a YAML settings file's nodes (the rule set, the close checklist). Every
/// failure is a RuleSetError naming the file, the line of the offending node and the key it belongs to.
public struct RuleSetReader {
    public var origin: String
    /// What the file's keys are called in errors ("rule-set", "checklist").
    public var vocabulary: String

    public init(origin: String, vocabulary: String = "rule-set") {
        self.origin = origin
        self.vocabulary = vocabulary
    }

    public func fail(_ node: Node?, _ key: String?, _ message: String) -> RuleSetError {
        RuleSetError(path: origin, line: node?.mark?.line, key: key, message: message)
    }

    /// A file's bytes, or an error saying it is missing or unreadable.
    public static func bytes(ofFile path: String) throws -> Data {
        guard FileManager.default.fileExists(atPath: path) else {
            throw RuleSetError(path: path, line: nil, key: nil, message: "the file does not exist")
        }
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw RuleSetError(path: path, line: nil, key: nil, message: "cannot be read (\(error.localizedDescription))")
        }
    }

    /// The YAML document of the bytes; nil when it is empty.
    public func root(of bytes: Data) throws -> Node? {
        guard let text = String(data: bytes, encoding: .utf8) else { throw fail(nil, nil, "is not UTF-8 text") }
        do { return try Yams.compose(yaml: text) } catch let error as YamlError {
            throw RuleSetError(path: origin, line: ConfigFile.line(of: error), key: nil, message: "is not valid YAML: \(ConfigFile.summary(of: error))")
        }
    }

    /// The entries of a mapping, rejecting keys outside `known` and keys given twice.
    public func entries(of node: Node, key: String?, known: [String]) throws -> [(key: String, keyNode: Node, value: Node)] {
        guard let mapping = node.mapping else {
            throw fail(node, key, key == nil ? "expected a mapping of rule keys" : "must be a mapping of keys (known: \(known.joined(separator: ", ")))")
        }
        var seen: Set<String> = []
        return try mapping.map { keyNode, value in
            let name = keyNode.string ?? String(describing: keyNode)
            let path = key.map { "\($0).\(name)" } ?? name
            guard known.contains(name) else {
                throw fail(keyNode, path, "is not a \(vocabulary) key (known\(key.map { " under \($0)" } ?? ""): \(known.joined(separator: ", ")))")
            }
            guard seen.insert(name).inserted else { throw fail(keyNode, path, "appears twice") }
            return (path, keyNode, value)
        }
    }

    public func integer(_ node: Node, _ key: String, minimum: Int = 0, maximum: Int = .max, orWord word: String? = nil) throws -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string) else {
            throw fail(node, key, "must be a whole number" + (word.map { " or `\($0)`" } ?? ""))
        }
        guard value <= maximum else { throw fail(node, key, "must be at most \(maximum)") }
        guard value >= minimum else { throw fail(node, key, minimum == 0 ? "must not be negative" : "must be at least \(minimum)") }
        return value
    }

    /// A non-negative decimal number (thresholds, tolerances, ratios; never money).
    public func number(_ node: Node, _ key: String) throws -> Double {
        guard let scalar = node.scalar, let value = Double(scalar.string), value.isFinite else {
            throw fail(node, key, "must be a number, e.g. 0.5")
        }
        guard value >= 0 else { throw fail(node, key, "must not be negative") }
        return value
    }

    /// A non-negative decimal number kept exact as written (money tolerances, percentages).
    public func decimal(_ node: Node, _ key: String) throws -> Decimal {
        guard let scalar = node.scalar, let value = Decimal(string: scalar.string, locale: Locale(identifier: "en_US_POSIX")),
              !value.isNaN, scalar.string.allSatisfy({ $0.isNumber || $0 == "." }) else {
            throw fail(node, key, "must be a decimal number, e.g. 0.01")
        }
        return value
    }

    /// A probability between 0 and 1.
    public func probability(_ node: Node, _ key: String) throws -> Double {
        let value = try number(node, key)
        guard value <= 1 else { throw fail(node, key, "must be between 0 and 1") }
        return value
    }

    public func text(_ node: Node, _ key: String) throws -> String {
        guard let scalar = node.scalar, !scalar.string.isEmpty else { throw fail(node, key, "must be a single non-empty value") }
        return scalar.string
    }

    public func flag(_ node: Node, _ key: String) throws -> Bool {
        switch node.scalar?.string.lowercased() {
        case "true": return true
        case "false": return false
        default: throw fail(node, key, "must be true or false")
        }
    }

    public func strings(_ node: Node, _ key: String) throws -> [(String, Node)] {
        guard let sequence = node.sequence else { throw fail(node, key, "must be a list, e.g. [\"101404\"]") }
        return try sequence.map { item in
            guard let scalar = item.scalar, !scalar.string.isEmpty else { throw fail(item, key, "items must be single non-empty values") }
            return (scalar.string, item)
        }
    }

    public func choice(_ node: Node, _ key: String, from options: [String]) throws -> String {
        guard let text = node.scalar?.string, options.contains(text) else {
            throw fail(node, key, "must be one of \(options.joined(separator: ", "))")
        }
        return text
    }
}
