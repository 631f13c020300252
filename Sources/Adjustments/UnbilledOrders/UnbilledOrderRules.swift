/// Accounts of the product-business accruals (goods received not billed, delivered not invoiced),
/// by code. Defaults: the accrued liabilities of Odoo 18's generic chart, its "Products to receive"
/// asset (the revenue accrual account Odoo itself proposes), and its product purchase and sales accounts.
public struct UnbilledOrderRules: Sendable, Hashable {
    /// Credited with goods received but not yet billed (GRNI).
    public var receivedNotBilledCode: String
    /// Debited with goods delivered but not yet invoiced (unbilled receivables).
    public var deliveredNotInvoicedCode: String
    /// Debited for received goods whose product and category name no expense account.
    public var fallbackExpenseCode: String
    /// Credited for delivered goods whose product and category name no income account.
    public var fallbackIncomeCode: String

    public init(receivedNotBilledCode: String = "212000", deliveredNotInvoicedCode: String = "121100",
                fallbackExpenseCode: String = "500000", fallbackIncomeCode: String = "400000") {
        self.receivedNotBilledCode = receivedNotBilledCode
        self.deliveredNotInvoicedCode = deliveredNotInvoicedCode
        self.fallbackExpenseCode = fallbackExpenseCode
        self.fallbackIncomeCode = fallbackIncomeCode
    }
}
