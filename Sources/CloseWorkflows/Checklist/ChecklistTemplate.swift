import Adjustments
import CloseChecks
import CloseSettings
public import CloseStore
import Governance
import Crypto
public import Foundation
import Yams

/// A close-checklist template (rules/close-checklist.yaml): the tasks of a period's close, with owners,
/// dependencies, due days and what completes each. Loading is all or nothing, like the rule set: an
/// unknown key, check id or proposal kind, a missing field, an unknown or cyclic dependency throws an
/// error naming the file, line and key.
public struct ChecklistTemplate: Sendable, Equatable {
    public static let supportedSchemaVersions = [1]
    /// Roles a task can be owned by; any other owner is read as a user login.
    public static let roles = ["viewer", "preparer", "approver", "controller", "admin"]
    /// Due days further than this from period end are a typo, not a plan.
    static let maximumDueDays = 60

    /// Where the template came from: a file path, or "built-in".
    public var origin: String
    public var sha256: String
    /// Dependencies before dependents; otherwise in the file's order.
    public var tasks: [ChecklistTaskDefinition]

    /// The default, byte for byte the committed rules/close-checklist.yaml.
    public static let builtIn: ChecklistTemplate = {
        do { return try ChecklistTemplate(origin: "built-in", bytes: Data(builtInText.utf8)) } catch { fatalError("built-in checklist: \(error)") }
    }()

    /// `--template FILE` when given, else the built-in template.
    public static func resolve(explicit path: String?) throws -> ChecklistTemplate {
        guard let path else { return builtIn }
        return try ChecklistTemplate(origin: path, bytes: RuleSetReader.bytes(ofFile: path))
    }

    static let taskKeys = ["id", "title", "owner", "odoo_user", "depends_on", "due", "completion"]
    static let requiredTaskKeys = ["id", "title", "owner", "due", "completion"]

    public init(origin: String, bytes: Data) throws {
        self.origin = origin
        sha256 = SHA256.hex(bytes)
        let reader = RuleSetReader(origin: origin, vocabulary: "checklist")
        guard let root = try reader.root(of: bytes) else {
            throw RuleSetError(path: origin, line: 1, key: "schema_version", message: "is missing (the file is empty)")
        }
        var version: Int?
        var parsed: [(task: ChecklistTaskDefinition, dependencyNodes: [Node], node: Node)] = []
        for (key, _, value) in try reader.entries(of: root, key: nil, known: ["schema_version", "tasks"]) {
            if key == "schema_version" {
                let number = try reader.integer(value, key)
                guard Self.supportedSchemaVersions.contains(number) else {
                    throw reader.fail(value, key, "\(number) is not supported (supported: \(Self.supportedSchemaVersions.map(String.init).joined(separator: ", ")))")
                }
                version = number
            } else {
                guard let items = value.sequence, !items.isEmpty else { throw reader.fail(value, key, "must be a non-empty list of tasks") }
                parsed = try items.enumerated().map { index, item in try Self.task(item, key: "tasks[\(index)]", reader: reader) }
            }
        }
        guard version != nil else { throw reader.fail(root, "schema_version", "is missing (write `schema_version: 1`)") }
        guard !parsed.isEmpty else { throw reader.fail(root, "tasks", "is missing (a checklist needs at least one task)") }
        tasks = try Self.ordered(parsed, reader: reader)
    }

    static func task(_ node: Node, key: String, reader: RuleSetReader) throws -> (task: ChecklistTaskDefinition, dependencyNodes: [Node], node: Node) {
        var fields: [String: String] = [:], due = 0, dependsOn: [String] = [], dependencyNodes: [Node] = [], completion = TaskCompletion.manual
        var seen: Set<String> = []
        for (path, _, value) in try reader.entries(of: node, key: key, known: taskKeys) {
            let name = String(path.dropFirst(key.count + 1))
            seen.insert(name)
            switch name {
            case "due": due = try reader.integer(value, path, minimum: -maximumDueDays, maximum: maximumDueDays)
            case "depends_on":
                let items = try reader.strings(value, path)
                (dependsOn, dependencyNodes) = (items.map(\.0), items.map(\.1))
            case "completion": completion = try Self.completion(value, key: path, reader: reader)
            case "id":
                let id = try reader.text(value, path)
                guard id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
                    throw reader.fail(value, path, "'\(id)' must be lowercase letters, digits and hyphens, e.g. bank-reconciled")
                }
                fields[name] = id
            default: fields[name] = try reader.text(value, path)
            }
        }
        if let missing = requiredTaskKeys.first(where: { !seen.contains($0) }) {
            throw reader.fail(node, "\(key).\(missing)", "is missing (a task needs \(requiredTaskKeys.joined(separator: ", ")))")
        }
        let task = ChecklistTaskDefinition(key: fields["id"]!, title: fields["title"]!, owner: fields["owner"]!, odooUser: fields["odoo_user"],
                                           dependsOn: dependsOn, due: due, completion: completion)
        return (task, dependencyNodes, node)
    }

    /// `manual`, `pull`, `lock`, `check: ID` / `check: [IDs]` or `proposals: KIND` / `proposals: [KINDs]`.
    static func completion(_ node: Node, key: String, reader: RuleSetReader) throws -> TaskCompletion {
        if let word = node.scalar?.string {
            guard let completion = TaskCompletion(codingText: word), [.manual, .pull, .lock].contains(completion) else {
                throw reader.fail(node, key, "'\(word)' is not a completion rule (manual, pull, lock, or a mapping with check or proposals)")
            }
            return completion
        }
        let entries = try reader.entries(of: node, key: key, known: ["check", "proposals"])
        guard entries.count == 1, let (path, _, value) = entries.first else {
            throw reader.fail(node, key, "must name exactly one of check or proposals")
        }
        let names: [(String, Node)] = if let scalar = value.scalar { [(scalar.string, value)] } else { try reader.strings(value, path) }
        if path.hasSuffix(".check") {
            let known = Set(RuleSet.checkIDs)
            for (id, item) in names where !known.contains(id) {
                throw reader.fail(item, path, "'\(id)' is not a check or detector id (see `closer checks list`)")
            }
            return .checks(names.map(\.0))
        }
        let kinds = AdjustmentKind.allCases.map(\.rawValue) + [TaskCompletion.bankMatch]
        for (kind, item) in names where !kinds.contains(kind) {
            throw reader.fail(item, path, "'\(kind)' is not a proposal kind (known: \(kinds.joined(separator: ", ")))")
        }
        return .proposals(names.map(\.0))
    }

    /// The tasks with every dependency before its dependents, keeping the file's order otherwise; rejects
    /// duplicate ids, unknown dependencies and cycles.
    static func ordered(_ parsed: [(task: ChecklistTaskDefinition, dependencyNodes: [Node], node: Node)],
                        reader: RuleSetReader) throws -> [ChecklistTaskDefinition] {
        var index: [String: Int] = [:]
        for (position, entry) in parsed.enumerated() {
            guard index.updateValue(position, forKey: entry.task.key) == nil else {
                throw reader.fail(entry.node, "tasks[\(position)].id", "'\(entry.task.key)' is the id of an earlier task too")
            }
        }
        for (position, entry) in parsed.enumerated() {
            for (dependency, node) in zip(entry.task.dependsOn, entry.dependencyNodes) where index[dependency] == nil {
                throw reader.fail(node, "tasks[\(position)].depends_on", "'\(dependency)' is not a task id of this checklist")
            }
        }
        var ordered: [ChecklistTaskDefinition] = [], placed: Set<String> = []
        while ordered.count < parsed.count {
            guard let next = parsed.first(where: { !placed.contains($0.task.key) && $0.task.dependsOn.allSatisfy(placed.contains) }) else {
                let stuck = parsed.enumerated().first { !placed.contains($0.element.task.key) }!
                let cycle = Self.cycle(from: stuck.element.task.key, parsed.map(\.task), placed: placed)
                let position = index[cycle[0]]!
                throw reader.fail(parsed[position].dependencyNodes.first ?? parsed[position].node, "tasks[\(position)].depends_on",
                                  "forms a cycle: \(cycle.joined(separator: " → "))")
            }
            ordered.append(next.task)
            placed.insert(next.task.key)
        }
        return ordered
    }

    /// A dependency cycle among the unplaced tasks, as ids from its first task back to it.
    static func cycle(from start: String, _ tasks: [ChecklistTaskDefinition], placed: Set<String>) -> [String] {
        let byKey = Dictionary(uniqueKeysWithValues: tasks.map { ($0.key, $0) })
        var path = [start]
        while true {
            let next = byKey[path.last!]!.dependsOn.first { !placed.contains($0) }!
            if let loopStart = path.firstIndex(of: next) { return Array(path[loopStart...]) + [next] }
            path.append(next)
        }
    }
}
