/// An XML-RPC struct / JSON object with its members in wire order.
///
/// Order matters because requests must be byte-identical to what Python clients send;
/// lookups are linear, which beats hashing for records of a few dozen fields.
public struct RPCStruct: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: RPCValue)

    struct Member: Sendable, Hashable {
        var key: String
        var value: RPCValue
    }

    private(set) var members: [Member]

    public init() { members = [] }

    public init(_ pairs: KeyValuePairs<String, RPCValue>) {
        members = pairs.map { Member(key: $0.key, value: $0.value) }
    }

    public init(_ pairs: [(String, RPCValue)]) {
        members = pairs.map { Member(key: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, RPCValue)...) {
        self.init(elements)
    }

    init(members: [Member]) { self.members = members }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    /// Setting replaces an existing member in place or appends a new one; nil removes it.
    public subscript(key: String) -> RPCValue? {
        get {
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    public func makeIterator() -> AnyIterator<Element> {
        var iterator = members.makeIterator()
        return AnyIterator { iterator.next().map { ($0.key, $0.value) } }
    }
}
