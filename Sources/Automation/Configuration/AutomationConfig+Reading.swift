import CloseStore
import Ledger
public import Foundation
import Yams
import CloseSettings

extension AutomationConfig {
    /// Parses the file's bytes; every environment variable it names that is unset is listed in one error.
    public init(origin: String, bytes: Data, environment: [String: String]) throws {
        let reader = RuleSetReader(origin: origin, vocabulary: "closer-automation")
        self.init(origin: origin)
        guard let root = try reader.root(of: bytes) else { return }
        var secrets = SecretLookup(reader: reader, environment: environment)
        for (key, _, value) in try reader.entries(of: root, key: nil, known: ["webhooks", "schedules"]) {
            switch key {
            case "webhooks":
                for (key, _, value) in try reader.entries(of: value, key: key, known: ["inbound", "outbound"]) {
                    if key.hasSuffix("inbound") { inbound = try Self.inbound(value, key, reader, &secrets) }
                    else { outbound = try Self.outbound(value, key, reader, &secrets) }
                }
            default:
                schedules = try Self.schedules(value, key, reader)
            }
        }
        try secrets.failIfMissing()
    }

    static func inbound(_ node: Node, _ key: String, _ reader: RuleSetReader, _ secrets: inout SecretLookup) throws -> Inbound {
        var variable: (String, Node)?, source: SourceKey?, coalesce = 5
        for (key, _, value) in try reader.entries(of: node, key: key, known: ["secret_env", "source", "coalesce_seconds"]) {
            switch key.split(separator: ".").last! {
            case "secret_env": variable = (try secrets.variableName(value, key), value)
            case "source": source = SourceKey(try reader.text(value, key))
            default: coalesce = try reader.integer(value, key, maximum: 3600)
            }
        }
        guard let (name, valueNode) = variable else { throw reader.fail(node, key + ".secret_env", "is required: the environment variable holding the shared secret") }
        return Inbound(secret: secrets.secret(name, valueNode, key + ".secret_env"), secretVariable: name, sourceKey: source, coalescing: .seconds(coalesce))
    }

    static func outbound(_ node: Node, _ key: String, _ reader: RuleSetReader, _ secrets: inout SecretLookup) throws -> Outbound {
        var variable: (String, Node)?, attempts = WebhookRetryPolicy.defaultMaxAttempts, timeout = 10, targets: [WebhookTarget] = []
        for (key, _, value) in try reader.entries(of: node, key: key, known: ["signing_secret_env", "max_attempts", "timeout_seconds", "targets"]) {
            switch key.split(separator: ".").last! {
            case "signing_secret_env": variable = (try secrets.variableName(value, key), value)
            case "max_attempts": attempts = try reader.integer(value, key, minimum: 1, maximum: 50)
            case "timeout_seconds": timeout = try reader.integer(value, key, minimum: 1, maximum: 300)
            default: targets = try Self.targets(value, key, reader)
            }
        }
        guard let (name, valueNode) = variable else {
            throw reader.fail(node, key + ".signing_secret_env", "is required: the environment variable holding the signing secret")
        }
        return Outbound(signingSecret: secrets.secret(name, valueNode, key + ".signing_secret_env"), signingSecretVariable: name,
                        maxAttempts: attempts, timeout: .seconds(timeout), targets: targets)
    }

    static func targets(_ node: Node, _ key: String, _ reader: RuleSetReader) throws -> [WebhookTarget] {
        guard let items = node.sequence else { throw reader.fail(node, key, "must be a list of targets, each with url and events") }
        let names = WebhookEventType.allCases.map(\.rawValue)
        return try items.map { item in
            var url: URL?, events: Set<WebhookEventType> = []
            for (key, _, value) in try reader.entries(of: item, key: key, known: ["url", "events"]) {
                if key.hasSuffix(".url") {
                    let text = try reader.text(value, key)
                    guard let parsed = URL(string: text), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil else {
                        throw reader.fail(value, key, "must be an http or https URL")
                    }
                    url = parsed
                } else {
                    for (_, itemNode) in try reader.strings(value, key) {
                        events.insert(WebhookEventType(rawValue: try reader.choice(itemNode, key, from: names))!)
                    }
                }
            }
            guard let url else { throw reader.fail(item, key + ".url", "is required") }
            guard !events.isEmpty else { throw reader.fail(item, key + ".events", "is required: one or more of \(names.joined(separator: ", "))") }
            return WebhookTarget(url: url, events: events)
        }
    }

    static func schedules(_ node: Node, _ key: String, _ reader: RuleSetReader) throws -> [CloseSchedule] {
        guard let items = node.sequence else { throw reader.fail(node, key, "must be a list of schedules, each with name and at") }
        var seen: Set<String> = []
        return try items.map { item in
            var name: String?, source: SourceKey?, time: (Int, Int)?, window: Int?
            for (key, _, value) in try reader.entries(of: item, key: key, known: ["name", "source", "at", "close_window_working_days"]) {
                switch key.split(separator: ".").last! {
                case "name":
                    name = try reader.text(value, key)
                    guard seen.insert(name!).inserted else { throw reader.fail(value, key, "names another schedule already: names must differ") }
                case "source": source = SourceKey(try reader.text(value, key))
                case "at": time = try Self.timeOfDay(value, key, reader)
                default: window = try reader.integer(value, key, minimum: 1, maximum: 23)
                }
            }
            guard let name else { throw reader.fail(item, key + ".name", "is required") }
            guard let (hour, minute) = time else { throw reader.fail(item, key + ".at", "is required: a UTC time such as \"02:30\"") }
            return CloseSchedule(name: name, sourceKey: source, hour: hour, minute: minute, closeWindowWorkingDays: window)
        }
    }

    static func timeOfDay(_ node: Node, _ key: String, _ reader: RuleSetReader) throws -> (Int, Int) {
        let parts = try reader.text(node, key).split(separator: ":").map { Int($0) }
        guard parts.count == 2, let hour = parts[0], let minute = parts[1], (0..<24).contains(hour), (0..<60).contains(minute) else {
            throw reader.fail(node, key, "must be a UTC time HH:MM, e.g. \"02:30\"")
        }
        return (hour, minute)
    }
}

/// Reads secrets from the environment variables the file names, collecting every unset one so they are
/// reported together. Values never appear in errors.
struct SecretLookup {
    var reader: RuleSetReader
    var environment: [String: String]
    var missing: [(key: String, variable: String, node: Node)] = []

    func variableName(_ node: Node, _ key: String) throws -> String {
        let name = try reader.text(node, key)
        guard name.first.map({ $0.isUppercase || $0 == "_" }) == true,
              name.allSatisfy({ ($0.isASCII && ($0.isUppercase || $0.isNumber)) || $0 == "_" }) else {
            // The value is not echoed: someone may have pasted the secret itself here.
            throw reader.fail(node, key, "must name an environment variable (capital letters, digits, _), not hold the secret itself")
        }
        return name
    }

    mutating func secret(_ variable: String, _ node: Node, _ key: String) -> WebhookSecret {
        guard let value = environment[variable], !value.isEmpty else {
            missing.append((key, variable, node))
            return WebhookSecret("")
        }
        return WebhookSecret(value)
    }

    func failIfMissing() throws {
        guard let first = missing.first else { return }
        let list = missing.map { "\($0.variable) (\($0.key))" }.joined(separator: ", ")
        throw reader.fail(first.node, first.key, "names environment variables that are not set: \(list)")
    }
}
