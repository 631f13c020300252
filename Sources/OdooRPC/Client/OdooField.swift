/// One field as described by `fields_get`.
public struct OdooField: Sendable, Hashable {
    public var name: String
    public var type: String
    public var relation: String?
    public var string: String
    public var readonly: Bool
    public var required: Bool

    public init(name: String, type: String, relation: String? = nil, string: String, readonly: Bool, required: Bool) {
        self.name = name
        self.type = type
        self.relation = relation
        self.string = string
        self.readonly = readonly
        self.required = required
    }

    init?(name: String, attributes: RPCValue) {
        guard let type = attributes["type"]?.stringValue else { return nil }
        self.init(
            name: name, type: type, relation: attributes["relation"]?.stringValue,
            string: attributes["string"]?.stringValue ?? name,
            readonly: attributes["readonly"]?.boolValue ?? false,
            required: attributes["required"]?.boolValue ?? false)
    }
}
