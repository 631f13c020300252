public import OdooRPC

/// A search domain as Closer writes them: leaves joined by an implicit '&' (and Odoo's prefix '&', '|', '!'),
/// with =, !=, in, not in, ilike, not ilike, <, <=, >, >=, evaluated over any record through `value`, which
/// reads a field (or a dotted path) as a client would, or nil when a path leads nowhere (the leaf is then false).
public struct OdooDomain: Sendable {
    public let terms: [RPCValue]

    public init(_ terms: [RPCValue]) { self.terms = terms }

    /// True when a leaf names `field` (Odoo leaves archived records out unless the domain names `active`).
    public func names(_ field: String) -> Bool { terms.contains { $0.arrayValue?.first?.stringValue == field } }

    public func matches(_ value: (String) -> RPCValue?) -> Bool {
        var stack: [Bool] = []
        for term in terms.reversed() {
            switch term.stringValue {
            case "&": stack.append(stack.popLast()! && stack.popLast()!)
            case "|":
                let first = stack.popLast()!, second = stack.popLast()!
                stack.append(first || second)
            case "!": stack.append(!stack.popLast()!)
            default: stack.append(Self.leaf(term.arrayValue ?? [], value))
            }
        }
        return stack.allSatisfy { $0 }
    }

    /// The ids a domain of only AND-ed leaves allows at most (paging cursors: `id > last`, `id <= through`), so a
    /// large model is scanned from the first possible record, not from its start; nil bounds where it says nothing.
    var idBounds: (low: Int?, high: Int?) {
        guard !terms.contains(where: { $0.stringValue == "|" || $0.stringValue == "!" }) else { return (nil, nil) }
        var low: Int?, high: Int?
        for term in terms {
            guard let leaf = term.arrayValue, leaf.count == 3, leaf[0].stringValue == "id", let op = leaf[1].stringValue else { continue }
            let values = leaf[2].arrayValue?.compactMap(\.int) ?? leaf[2].int.map { [$0] } ?? []
            guard let first = values.min(), let last = values.max() else { continue }
            switch op {
            case ">": low = max(low ?? .min, first + 1)
            case ">=": low = max(low ?? .min, first)
            case "<": high = min(high ?? .max, first - 1)
            case "<=": high = min(high ?? .max, first)
            case "=", "in": (low, high) = (max(low ?? .min, first), min(high ?? .max, last))
            default: continue
            }
        }
        return (low, high)
    }

    private static func leaf(_ leaf: [RPCValue], _ value: (String) -> RPCValue?) -> Bool {
        guard leaf.count == 3, let field = leaf[0].stringValue, let op = leaf[1].stringValue, let found = value(field) else { return false }
        // A many2many or one2many (a list of ids) matches a positive operator when any of its records does.
        if case .array(let ids) = found, found.many2one == nil {
            let positive: RPCValue = .string(op == "!=" ? "=" : op == "not in" ? "in" : op)
            let any = ids.contains { id in Self.leaf([leaf[0], positive, leaf[2]]) { _ in id } }
            return op == "!=" || op == "not in" ? !any : any
        }
        let actual = Comparable(found)
        let expected = leaf[2]
        switch op {
        case "=": return actual == Comparable(expected)
        case "!=": return actual != Comparable(expected)
        case "in": return (expected.arrayValue ?? []).map(Comparable.init).contains(actual)
        case "not in": return !(expected.arrayValue ?? []).map(Comparable.init).contains(actual)
        case "ilike", "not ilike":
            let contains = actual.text.lowercased().contains((expected.stringValue ?? "").lowercased())
            return (op == "ilike") == contains
        case "<", "<=", ">", ">=":
            let order = actual.compare(Comparable(expected))
            return op == "<" ? order < 0 : op == "<=" ? order <= 0 : op == ">" ? order > 0 : order >= 0
        default: return false
        }
    }

    /// A value as domains compare it: a many2one by its id, `false` as itself, amounts by cents.
    enum Comparable: Equatable {
        case number(Int)
        case text(String)
        case flag(Bool)

        init(_ value: RPCValue) {
            switch value {
            case .int(let number): self = .number(Int(number))
            case .double(let number): self = .number(Int(number.minorUnits(scale: 2)))
            case .bool(let flag): self = .flag(flag)
            case .string(let text): self = .text(text)
            case .array(let pair) where pair.count == 2 && pair[0].int != nil: self = .number(pair[0].int!)
            default: self = .flag(false)
            }
        }

        var text: String {
            switch self {
            case .number(let number): "\(number)"
            case .text(let text): text
            case .flag: ""
            }
        }

        func compare(_ other: Comparable) -> Int {
            switch (self, other) {
            case (.number(let a), .number(let b)): a < b ? -1 : a > b ? 1 : 0
            case (.text(let a), .text(let b)): a < b ? -1 : a > b ? 1 : 0
            default: 0
            }
        }
    }
}
