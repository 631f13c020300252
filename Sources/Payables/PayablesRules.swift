/// The rule set's `payables:` section: how duplicates are searched, orders matched, and what intake does with what it finds, and who approves a bill.
public struct PayablesRules: Sendable, Codable, Hashable {
    public var duplicates: DuplicateRules
    public var matching: PurchaseMatchRules
    public var intake: IntakeRules
    public var approval: BillApprovalRules

    public init(duplicates: DuplicateRules = DuplicateRules(), matching: PurchaseMatchRules = PurchaseMatchRules(), intake: IntakeRules = IntakeRules(),
                approval: BillApprovalRules = BillApprovalRules()) {
        self.duplicates = duplicates
        self.matching = matching
        self.intake = intake
        self.approval = approval
    }
}
