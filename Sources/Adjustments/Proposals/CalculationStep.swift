public import Ledger

/// One step of the calculation behind a proposal, as an accountant would write it in the margin of
/// a spreadsheet: what was taken or computed, and the amount (if the step has one).
public struct CalculationStep: Sendable, Codable, Hashable {
    public var description: String
    public var amount: Money?

    public init(_ description: String, amount: Money? = nil) {
        self.description = description
        self.amount = amount
    }
}
