import FoundationEssentials
import Ledger

/// The demo company's fixed reference data: an Odoo-18-like chart of accounts, journals,
/// taxes, users and analytic accounts. Ids are stable so ground truth can name them.
enum DemoChart {
    static let usd = Currency(id: 1, code: .usd, decimalPlaces: 2)
    static let eur = Currency(id: 2, code: .eur, decimalPlaces: 2)

    enum AccountID {
        static let bank = 1, outstandingReceipts = 2, outstandingPayments = 3, suspense = 4, bankEUR = 5, receivable = 6
        static let stock = 7, prepaid = 8, fixedAssets = 9, depreciationReserve = 10, payable = 11, accrued = 12
        static let taxPayable = 13, taxReceivable = 14, salariesPayable = 15, capital = 16, earnings = 17, sales = 18
        static let otherIncome = 19, cogs = 20, rent = 21, utilities = 22, software = 23, insurance = 24, salaries = 25
        static let bankFees = 26, travel = 27, office = 28, freight = 29, depreciation = 30, consulting = 31
        static let roundingDifferences = 32, transfer = 33, pettyCash = 34, payrollTaxes = 35, withholdings = 36, repairs = 37
    }

    /// Accounts whose lines carry an open amount (Odoo computes amount_residual for reconcilable and liquidity accounts).
    static let tracksResidual: [Bool] = [false] + accounts.map { $0.reconcile || $0.type == .bankAndCash }

    static let accounts: [Account] = [
        Account(id: 1, code: "101401", name: "Bank", type: .bankAndCash),
        Account(id: 2, code: "101402", name: "Outstanding Receipts", type: .currentAssets, reconcile: true),
        Account(id: 3, code: "101403", name: "Outstanding Payments", type: .currentAssets, reconcile: true),
        Account(id: 4, code: "101404", name: "Bank Suspense Account", type: .currentAssets),
        Account(id: 5, code: "101405", name: "Bank EUR", type: .bankAndCash),
        Account(id: 6, code: "121000", name: "Account Receivable", type: .receivable, reconcile: true),
        Account(id: 7, code: "110100", name: "Stock Valuation", type: .currentAssets),
        Account(id: 8, code: "141000", name: "Prepaid Expenses", type: .prepayments),
        Account(id: 9, code: "151000", name: "Fixed Assets", type: .fixedAssets),
        Account(id: 10, code: "151900", name: "Accumulated Depreciation", type: .fixedAssets),
        Account(id: 11, code: "211000", name: "Account Payable", type: .payable, reconcile: true),
        Account(id: 12, code: "212000", name: "Accrued Liabilities", type: .currentLiabilities),
        Account(id: 13, code: "251000", name: "Tax Payable", type: .currentLiabilities),
        Account(id: 14, code: "131000", name: "Tax Receivable", type: .currentAssets),
        Account(id: 15, code: "230000", name: "Salaries Payable", type: .currentLiabilities),
        Account(id: 16, code: "301000", name: "Capital", type: .equity),
        Account(id: 17, code: "999999", name: "Undistributed Profits/Losses", type: .currentYearEarnings),
        Account(id: 18, code: "400000", name: "Product Sales", type: .income),
        Account(id: 19, code: "450000", name: "Other Income", type: .otherIncome),
        Account(id: 20, code: "500000", name: "Cost of Goods Sold", type: .costOfRevenue),
        Account(id: 21, code: "610000", name: "Rent", type: .expense),
        Account(id: 22, code: "611000", name: "Utilities", type: .expense),
        Account(id: 23, code: "612000", name: "Software Subscriptions", type: .expense),
        Account(id: 24, code: "613000", name: "Insurance", type: .expense),
        Account(id: 25, code: "620000", name: "Salaries", type: .expense),
        Account(id: 26, code: "626000", name: "Bank Fees", type: .expense),
        Account(id: 27, code: "627000", name: "Travel", type: .expense),
        Account(id: 28, code: "628000", name: "Office Supplies", type: .expense),
        Account(id: 29, code: "629000", name: "Freight", type: .expense),
        Account(id: 30, code: "630000", name: "Depreciation", type: .depreciation),
        Account(id: 31, code: "631000", name: "Consulting Fees", type: .expense),
        Account(id: 32, code: "640000", name: "Rounding Differences", type: .expense),
        Account(id: 33, code: "101499", name: "Liquidity Transfer", type: .currentAssets, reconcile: true),
        Account(id: 34, code: "101501", name: "Petty Cash", type: .bankAndCash),
        Account(id: 35, code: "621000", name: "Payroll Taxes", type: .expense),
        Account(id: 36, code: "231000", name: "Payroll Withholdings Payable", type: .currentLiabilities),
        Account(id: 37, code: "615000", name: "Repairs and Maintenance", type: .expense),
    ]

    enum JournalID {
        static let sales = 1, purchases = 2, misc = 3, bank = 4, bankEUR = 5, payroll = 6, pettyCash = 7
    }

    static let journals: [Journal] = [
        Journal(id: 1, code: "INV", name: "Customer Invoices", type: .sale, defaultAccountID: AccountID.sales),
        Journal(id: 2, code: "BILL", name: "Vendor Bills", type: .purchase, defaultAccountID: AccountID.cogs),
        Journal(id: 3, code: "MISC", name: "Miscellaneous Operations", type: .general),
        Journal(id: 4, code: "BNK1", name: "Bank", type: .bank, defaultAccountID: AccountID.bank),
        Journal(id: 5, code: "BNK2", name: "Bank EUR", type: .bank, defaultAccountID: AccountID.bankEUR, currencyID: eur.id),
        Journal(id: 6, code: "SAL", name: "Payroll", type: .general),
        Journal(id: 7, code: "CSH1", name: "Petty Cash", type: .cash, defaultAccountID: AccountID.pettyCash),
    ]

    enum TaxID { static let sales = 1, purchases = 2 }

    static let taxes: [Tax] = [
        Tax(id: 1, name: "10% Sales Tax", scope: .sale, rateBasisPoints: 1000),
        Tax(id: 2, name: "10% Purchase Tax", scope: .purchase, rateBasisPoints: 1000),
    ]

    enum Users {
        static let admin = UserRef(id: 2, name: "Administrator")
        static let alice = UserRef(id: 6, name: "Alice Accountant")
        static let bob = UserRef(id: 7, name: "Bob Bookkeeper")
        static let carol = UserRef(id: 8, name: "Carol Payroll")
    }

    /// Analytic accounts: departments (1 Sales, 2 Operations, 3 Administration). Expense lines carry
    /// one, or a 60/40 split; the distributions are shared values so millions of lines cost nothing.
    static let departments = [1, 2, 3]
    static let analyticPool: [AnalyticDistribution] = [
        AnalyticDistribution([.init(accountIDs: [1], percent: 100)]),
        AnalyticDistribution([.init(accountIDs: [2], percent: 100)]),
        AnalyticDistribution([.init(accountIDs: [3], percent: 100)]),
        AnalyticDistribution([.init(accountIDs: [1], percent: 60), .init(accountIDs: [2], percent: 40)]),
        AnalyticDistribution([.init(accountIDs: [1], percent: 60), .init(accountIDs: [3], percent: 40)]),
    ]
    static let administration = analyticPool[2]
    static let ninetyPercent = AnalyticDistribution([.init(accountIDs: [1], percent: 50), .init(accountIDs: [2], percent: 40)])
    static let salesTaxIDs = [TaxID.sales], purchaseTaxIDs = [TaxID.purchases], noTaxIDs: [Int] = []

    static let company = Company(id: 1, name: "Northwind Components Ltd", currency: usd,
                                 lockDates: LockDates(fiscalYear: LocalDate(year: 2026, month: 6, day: 30)))

    /// The company's own EUR account, as the USD bank shows it on transfers between the two.
    static let eurIBAN = "DE44500105175407324931"
}
