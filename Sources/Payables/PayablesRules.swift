/// The rule set's `payables:` section: how duplicates are searched and orders matched.
public struct PayablesRules: Sendable, Codable, Hashable {
    public var duplicates: DuplicateRules
    public var matching: PurchaseMatchRules

    public init(duplicates: DuplicateRules = DuplicateRules(), matching: PurchaseMatchRules = PurchaseMatchRules()) {
        self.duplicates = duplicates
        self.matching = matching
    }
}
