public import Ledger

/// Northwind Components Ltd: a deterministic synthetic product business with 13 months of
/// invoices, bills, payroll, depreciation, prepaid insurance and bank activity with realistic
/// noise, and close problems planted in the close period with their ground truth.
public enum DemoCompany {
    public static func generate(_ options: DemoOptions = DemoOptions()) -> DemoBook {
        var generator = DemoGenerator(options: options)
        generator.run()
        return generator.book(generator.builder.assemble())
    }
}

/// The generated books and what was planted in them.
public struct DemoBook: Sendable {
    public init(snapshot: LedgerSnapshot, groundTruth: GroundTruth, purchasing: DemoPurchasing = DemoPurchasing(), treasury: DemoTreasury? = nil,
                expenses: DemoExpenses = DemoExpenses()) {
        self.snapshot = snapshot
        self.groundTruth = groundTruth
        self.purchasing = purchasing
        self.treasury = treasury ?? DemoTreasury(executionDate: groundTruth.asOf, payBy: groundTruth.asOf)
        self.expenses = expenses
    }

    public var snapshot: LedgerSnapshot
    public var groundTruth: GroundTruth
    /// The purchase orders' billing (the orders themselves are the snapshot's purchase order lines).
    public var purchasing: DemoPurchasing
    /// What the payment run reads beyond the ledger: open bills, vendors' bank accounts and their history, payments made.
    public var treasury: DemoTreasury
    /// The employees' expense reports.
    public var expenses: DemoExpenses
}
