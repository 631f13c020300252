/// One value of Odoo's External API, independent of the wire protocol.
public enum RPCValue: Sendable, Hashable {
    case int(Int64)
    case bool(Bool)
    case string(String)
    /// A float on the wire, kept as its exact decimal text.
    case double(WireNumber)
    case dateTime(String)
    case base64([UInt8])
    case array([RPCValue])
    case structure(RPCStruct)
    case null
}

extension RPCValue {
    public var intValue: Int64? {
        if case .int(let value) = self { return value }
        return nil
    }

    public var int: Int? { intValue.map { Int($0) } }

    /// The string; Odoo's `false` for an empty char field gives nil.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var arrayValue: [RPCValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var structValue: RPCStruct? {
        if case .structure(let value) = self { return value }
        return nil
    }

    /// A double or an int as an exact decimal (Odoo sends `0` or `0.0` alike).
    public var numberValue: WireNumber? {
        switch self {
        case .double(let value): return value
        case .int(let value): return WireNumber(mantissa: value, exponent: 0)
        default: return nil
        }
    }

    /// Odoo encodes "no value" for most field types as `false`.
    public var isFalse: Bool {
        switch self {
        case .bool(false), .null: return true
        default: return false
        }
    }

    /// A many2one value `[id, "display name"]`; `false` gives nil.
    public var many2one: (id: Int, name: String)? {
        guard case .array(let pair) = self, pair.count == 2,
              let id = pair[0].int, let name = pair[1].stringValue else { return nil }
        return (id, name)
    }

    public subscript(key: String) -> RPCValue? {
        structValue?[key]
    }
}
