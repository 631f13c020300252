/// A value of one of Odoo's selection fields. Kept open (a raw string, not a closed enum) because
/// versions and localisations add values; the known ones are named constants on each type.
public protocol OdooSelection: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral where RawValue == String {
    init(rawValue: String)
}

extension OdooSelection {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
}

public struct AccountType: OdooSelection {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let receivable: Self = "asset_receivable"
    public static let bankAndCash: Self = "asset_cash"
    public static let currentAssets: Self = "asset_current"
    public static let nonCurrentAssets: Self = "asset_non_current"
    public static let prepayments: Self = "asset_prepayments"
    public static let fixedAssets: Self = "asset_fixed"
    public static let payable: Self = "liability_payable"
    public static let creditCard: Self = "liability_credit_card"
    public static let currentLiabilities: Self = "liability_current"
    public static let nonCurrentLiabilities: Self = "liability_non_current"
    public static let equity: Self = "equity"
    public static let currentYearEarnings: Self = "equity_unaffected"
    public static let income: Self = "income"
    public static let otherIncome: Self = "income_other"
    public static let expense: Self = "expense"
    public static let depreciation: Self = "expense_depreciation"
    public static let costOfRevenue: Self = "expense_direct_cost"
    public static let offBalance: Self = "off_balance"

    /// Income statement accounts (closed into earnings at year end), as opposed to balance sheet ones.
    public var isProfitAndLoss: Bool { rawValue.hasPrefix("income") || rawValue.hasPrefix("expense") }

    /// Liability, equity and income accounts grow with credits: their natural balance is credit − debit.
    public var hasCreditNature: Bool {
        rawValue.hasPrefix("liability") || rawValue.hasPrefix("equity") || rawValue.hasPrefix("income")
    }
}

public struct JournalType: OdooSelection {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let sale: Self = "sale"
    public static let purchase: Self = "purchase"
    public static let cash: Self = "cash"
    public static let bank: Self = "bank"
    public static let creditCard: Self = "credit"
    public static let general: Self = "general"
}

public struct MoveState: OdooSelection {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let draft: Self = "draft"
    public static let posted: Self = "posted"
    public static let cancelled: Self = "cancel"
}

public struct MoveType: OdooSelection {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let entry: Self = "entry"
    public static let customerInvoice: Self = "out_invoice"
    public static let customerRefund: Self = "out_refund"
    public static let vendorBill: Self = "in_invoice"
    public static let vendorRefund: Self = "in_refund"
    public static let salesReceipt: Self = "out_receipt"
    public static let purchaseReceipt: Self = "in_receipt"

    public var isInvoice: Bool { self != .entry }
}

public struct PaymentState: OdooSelection {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let notPaid: Self = "not_paid"
    public static let inPayment: Self = "in_payment"
    public static let paid: Self = "paid"
    public static let partial: Self = "partial"
    public static let reversed: Self = "reversed"
}

/// account.move.line.display_type: which part of an invoice a line is.
public struct LineKind: OdooSelection {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let product: Self = "product"
    public static let tax: Self = "tax"
    public static let paymentTerm: Self = "payment_term"
    public static let rounding: Self = "rounding"
    public static let cashRounding: Self = "cash_rounding"
    public static let epd: Self = "epd"
    public static let section: Self = "line_section"
    public static let note: Self = "line_note"
}

extension OdooSelection {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
