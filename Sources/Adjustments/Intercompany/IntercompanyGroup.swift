public import Ledger

/// The companies consolidated together, how they hang together, and where eliminations go.
public struct IntercompanyGroup: Sendable {
    public var members: [IntercompanyMember]
    /// Where elimination entries are drafted; nil: no consolidation company, a worksheet instead.
    public var consolidation: ConsolidationTarget?
    public var rules: IntercompanyRules

    public init(members: [IntercompanyMember], consolidation: ConsolidationTarget? = nil, rules: IntercompanyRules = IntercompanyRules()) {
        self.members = members
        self.consolidation = consolidation
        self.rules = rules
    }

    public func member(_ key: SourceKey) -> IntercompanyMember? { members.first { $0.key == key } }

    /// Everything wrong with the group's shape, all at once (empty when it can be matched).
    public var problems: [String] {
        var problems: [String] = []
        if members.count < 2 { problems.append("An intercompany group needs at least two companies; \(members.count) given.") }
        var seen: Set<SourceKey> = []
        for member in members where !seen.insert(member.key).inserted {
            problems.append("\(member.key) is listed twice in the group.")
        }
        for member in members {
            if let parent = member.parentKey, self.member(parent) == nil {
                problems.append("\(member.name)'s parent \(parent) is not a member of the group: add it or drop the parent.")
            }
            if ancestors(of: member.key).contains(member.key) {
                problems.append("\(member.name) is its own ancestor: the parents form a cycle.")
            }
            for other in member.partnersForMembers.keys where self.member(other) == nil {
                problems.append("\(member.name) maps partners for \(other), which is not a member of the group.")
            }
        }
        return problems
    }

    /// The member's parent, its parent's parent, and so on (stopping at a cycle).
    public func ancestors(of key: SourceKey) -> [SourceKey] {
        var chain: [SourceKey] = []
        var next = member(key)?.parentKey
        while let current = next, !chain.contains(current) {
            chain.append(current)
            next = member(current)?.parentKey
        }
        return chain
    }

    /// Every member below `key`: children, their children, and so on.
    public func descendants(of key: SourceKey) -> [IntercompanyMember] {
        members.filter { $0.key != key && ancestors(of: $0.key).contains(key) }
    }

    /// The member whose consolidation eliminates trade between `first` and `second`: the nearest
    /// parent they share (one may be the other's parent). Nil when the group has no such member.
    public func consolidatingParent(of first: SourceKey, and second: SourceKey) -> SourceKey? {
        let firstLine = [first] + ancestors(of: first)
        return ([second] + ancestors(of: second)).first { firstLine.contains($0) }
    }
}
