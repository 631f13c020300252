import CloseKit
import Crypto
import Foundation
import Yams

/// A versioned rule-set file (closer-rules.yaml): the CheckRules values and the checks to skip.
/// Loading is all or nothing: any unknown key, wrong type, unknown check id or unsupported
/// schema_version throws an error naming the file, line and key, before anything runs.
public struct RuleSet: Sendable, Equatable {
    public static let defaultPath = "closer-rules.yaml"
    public static let supportedSchemaVersions = [1]

    /// Where the rules came from: a file path, or "built-in".
    public var origin: String
    public var schemaVersion: Int
    public var rules: CheckRules
    public var disabledChecks: [String]
    /// SHA-256 of the file's bytes, lowercase hex (for the built-in rules, of `builtInText`).
    public var sha256: String

    /// The checks this rule set runs, in registry order.
    public var checks: [Check] { CheckRegistry.all.filter { !disabledChecks.contains($0.id) } }

    /// The defaults, byte for byte the committed rules/closer-rules.yaml, so both hash the same.
    public static let builtIn: RuleSet = {
        do { return try RuleSet(origin: "built-in", bytes: Data(builtInText.utf8)) } catch { fatalError("built-in rule set: \(error)") }
    }()

    /// Loads a rule-set file.
    public static func load(path: String) throws -> RuleSet {
        guard FileManager.default.fileExists(atPath: path) else {
            throw RuleSetError(path: path, line: nil, key: nil, message: "the file does not exist")
        }
        let bytes: Data
        do { bytes = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw RuleSetError(path: path, line: nil, key: nil, message: "cannot be read (\(error.localizedDescription))")
        }
        return try RuleSet(origin: path, bytes: bytes)
    }

    /// `--rules FILE` when given, else ./closer-rules.yaml when present, else the built-in defaults.
    public static func resolve(explicit: String?) throws -> RuleSet {
        if let explicit { return try load(path: explicit) }
        if FileManager.default.fileExists(atPath: defaultPath) { return try load(path: defaultPath) }
        return builtIn
    }

    public init(origin: String, bytes: Data) throws {
        self.origin = origin
        sha256 = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        func fail(_ node: Node?, _ key: String?, _ message: String) -> RuleSetError {
            RuleSetError(path: origin, line: node?.mark?.line, key: key, message: message)
        }
        guard let text = String(data: bytes, encoding: .utf8) else { throw fail(nil, nil, "is not UTF-8 text") }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let error as YamlError {
            throw RuleSetError(path: origin, line: ConfigFile.line(of: error), key: nil, message: "is not valid YAML: \(ConfigFile.summary(of: error))")
        }
        guard let root else { throw RuleSetError(path: origin, line: 1, key: "schema_version", message: "is missing (the file is empty)") }
        guard let mapping = root.mapping else { throw fail(root, nil, "expected a mapping of rule keys") }

        func integer(_ node: Node, _ key: String) throws -> Int {
            guard let scalar = node.scalar, let value = Int(scalar.string) else { throw fail(node, key, "must be a whole number") }
            return value
        }
        func strings(_ node: Node, _ key: String) throws -> [(String, Node)] {
            guard let sequence = node.sequence else { throw fail(node, key, "must be a list, e.g. [\"101404\"]") }
            return try sequence.map { item in
                guard let scalar = item.scalar, !scalar.string.isEmpty else { throw fail(item, key, "items must be single non-empty values") }
                return (scalar.string, item)
            }
        }

        var rules = CheckRules()
        var disabled: [String] = []
        var version: Int?
        var seen: Set<String> = []
        let known = ["schema_version", "analytic_required_code_prefixes", "suspense_account_codes", "clearing_account_codes",
                     "late_posting_grace_days", "disabled_checks"]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? String(describing: keyNode)
            guard known.contains(key) else {
                throw fail(keyNode, key, "is not a rule-set key (known: \(known.joined(separator: ", ")))")
            }
            guard seen.insert(key).inserted else { throw fail(keyNode, key, "appears twice") }
            switch key {
            case "schema_version":
                let number = try integer(value, key)
                guard Self.supportedSchemaVersions.contains(number) else {
                    throw fail(value, key, "\(number) is not supported (supported: \(Self.supportedSchemaVersions.map(String.init).joined(separator: ", ")))")
                }
                version = number
            case "analytic_required_code_prefixes": rules.analyticRequiredCodePrefixes = try strings(value, key).map(\.0)
            case "suspense_account_codes": rules.suspenseAccountCodes = try strings(value, key).map(\.0)
            case "clearing_account_codes": rules.clearingAccountCodes = try strings(value, key).map(\.0)
            case "late_posting_grace_days":
                let days = try integer(value, key)
                guard days >= 0 else { throw fail(value, key, "must not be negative") }
                rules.latePostingGraceDays = days
            default:   // disabled_checks
                let ids = Set(CheckRegistry.all.map(\.id))
                disabled = try strings(value, key).map { id, node in
                    guard ids.contains(id) else { throw fail(node, key, "'\(id)' is not a check id (see `closer checks list`)") }
                    return id
                }
            }
        }
        guard let version else { throw fail(root, "schema_version", "is missing (write `schema_version: 1`)") }
        schemaVersion = version
        self.rules = rules
        disabledChecks = disabled
    }
}

public struct RuleSetError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var line: Int?
    public var key: String?
    public var message: String

    public var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): \(key.map { "key '\($0)' " } ?? "")\(message)"
    }
}

extension RuleSet {
    /// The text of rules/closer-rules.yaml; a test keeps the two identical.
    public static let builtInText = """
        # Closer rule set: company-specific settings of the close-readiness checks.
        # `closer check --rules FILE` (default ./closer-rules.yaml when present, else these built-in defaults).
        # The run records schema_version and the file's SHA-256, so every check run names the rules it used.
        schema_version: 1

        # Lines on accounts whose code starts with one of these need an analytic distribution.
        analytic_required_code_prefixes: ["6"]
        # Accounts that must be empty at period end (bank suspense).
        suspense_account_codes: ["101404"]
        # Transit accounts that should clear (outstanding receipts/payments, liquidity transfer).
        clearing_account_codes: ["101402", "101403", "101499"]
        # Days after period end within which creating an entry dated in the period is normal.
        late_posting_grace_days: 0

        # Check ids to skip (see `closer checks list`).
        disabled_checks: []

        """
}
