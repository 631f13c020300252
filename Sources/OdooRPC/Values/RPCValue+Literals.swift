extension RPCValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: RPCValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }

    /// Keeps the literal's order, which the wire encoders preserve.
    public init(dictionaryLiteral elements: (String, RPCValue)...) {
        self = .structure(RPCStruct(elements))
    }
}

extension RPCValue {
    public init(_ value: Int) { self = .int(Int64(value)) }
    public init(_ values: [Int]) { self = .array(values.map { .int(Int64($0)) }) }
    public init(_ values: [String]) { self = .array(values.map { .string($0) }) }
}
