import OdooRPC

/// Domains as Closer writes them: leaves joined by an implicit '&' (and Odoo's prefix '&', '|', '!'),
/// with =, !=, in, not in, ilike, not ilike, <, <=, >, >=. Archived records are left out unless the
/// domain names `active` (Odoo's active_test).
extension FakeOdoo {
    func search(_ model: String, _ domain: [RPCValue], limit: Int?, order: String?) -> [Int] {
        let namesActive = domain.contains { $0.arrayValue?.first?.stringValue == "active" }
        var found = (tables[model] ?? [:]).filter { id, record in
            (namesActive || record["active"]?.boolValue != false) && matches(model, id, domain)
        }.map(\.key)
        let descending = order?.lowercased().contains("desc") == true
        if let order, order.hasPrefix("sequence") {
            found.sort { (tables[model]?[$0]?["sequence"]?.int ?? 0, $0) < (tables[model]?[$1]?["sequence"]?.int ?? 0, $1) }
        } else {
            found.sort(by: descending ? (>) : (<))
        }
        return limit.map { Array(found.prefix($0)) } ?? found
    }

    private func matches(_ model: String, _ id: Int, _ domain: [RPCValue]) -> Bool {
        var stack: [Bool] = []
        for term in domain.reversed() {
            switch term.stringValue {
            case "&": stack.append(stack.popLast()! && stack.popLast()!)
            case "|":
                let first = stack.popLast()!, second = stack.popLast()!
                stack.append(first || second)
            case "!": stack.append(!stack.popLast()!)
            default: stack.append(leaf(model, id, term.arrayValue ?? []))
            }
        }
        return stack.allSatisfy { $0 }
    }

    private func leaf(_ model: String, _ id: Int, _ leaf: [RPCValue]) -> Bool {
        guard leaf.count == 3, let field = leaf[0].stringValue, let op = leaf[1].stringValue else { return false }
        // A dotted path ("account_id.account_type") follows the many2one to the related record.
        if let dot = field.firstIndex(of: "."), let related = Self.relations[model]?[String(field[..<dot])] {
            guard let target = tables[model]?[id]?[String(field[..<dot])]?.int else { return false }
            return self.leaf(related, target, [.string(String(field[field.index(after: dot)...]))] + leaf.dropFirst())
        }
        let actual = comparable(field == "id" ? RPCValue(id) : value(model, id, field))
        let expected = leaf[2]
        switch op {
        case "=": return actual == comparable(expected)
        case "!=": return actual != comparable(expected)
        case "in": return (expected.arrayValue ?? []).map(comparable).contains(actual)
        case "not in": return !(expected.arrayValue ?? []).map(comparable).contains(actual)
        case "ilike", "not ilike":
            let contains = actual.text.lowercased().contains((expected.stringValue ?? "").lowercased())
            return (op == "ilike") == contains
        case "<", "<=", ">", ">=":
            let order = actual.compare(comparable(expected))
            return op == "<" ? order < 0 : op == "<=" ? order <= 0 : op == ">" ? order > 0 : order >= 0
        default: return false
        }
    }

    /// A value as domains compare it: a many2one by its id, `false` as itself, amounts by cents.
    private func comparable(_ value: RPCValue) -> Comparable {
        switch value {
        case .int(let number): return .number(Int(number))
        case .double(let number): return .number(Int(number.minorUnits(scale: 2)))
        case .bool(let flag): return .flag(flag)
        case .string(let text): return .text(text)
        case .array(let pair) where pair.count == 2 && pair[0].int != nil: return .number(pair[0].int!)
        default: return .flag(false)
        }
    }

    enum Comparable: Equatable {
        case number(Int)
        case text(String)
        case flag(Bool)

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
