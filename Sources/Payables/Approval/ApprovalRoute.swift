/// Who must approve a vendor bill before it may be paid: levels in order, each decided by one person
/// holding one of its roles, nobody deciding two levels. No level: the bill is touchless.
public struct ApprovalRoute: Sendable, Codable, Hashable {
    public var levels: [ApprovalLevel]

    public init(levels: [ApprovalLevel]) { self.levels = levels }

    public var isTouchless: Bool { levels.isEmpty }

    /// What the route asks, independent of wording: the same rules triggered again give the same key, so
    /// a re-check keeps the route (and its decisions and age); a new trigger gives a new one.
    public var key: String {
        levels.map { $0.roles.joined(separator: "|") + ":" + $0.triggers.joined(separator: "+") }.joined(separator: ",")
    }
}

/// One level of a route: the roles (as the rule set names them: approver, controller) any one of which
/// may decide it, the rules that asked for it and why, in words.
public struct ApprovalLevel: Sendable, Codable, Hashable {
    public var roles: [String]
    /// The rules that asked for this level: amount, new-vendor, bank-change, analytic, duplicate, anomaly.
    public var triggers: [String]
    public var reasons: [String]

    public init(roles: [String], triggers: [String], reasons: [String]) {
        self.roles = roles
        self.triggers = triggers
        self.reasons = reasons
    }

    /// All the level's reasons as one sentence.
    public var reason: String { reasons.joined(separator: "; ") }

    /// "approver or controller".
    public var roleList: String { Self.list(roles) }

    /// "an approver or controller", "a controller".
    public static func anyOf(_ roles: [String]) -> String {
        let names = list(roles)
        return (names.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + names
    }

    public static func list(_ roles: [String]) -> String {
        roles.count < 2 ? roles.joined() : roles.dropLast().joined(separator: ", ") + " or " + roles.last!
    }
}
