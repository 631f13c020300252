/// One of Odoo's lock dates, by the name the rule set uses and the field Odoo stores it in.
/// Odoo 18: fiscal year, tax, sale, purchase and the irreversible hard lock; 16/17: period lock too.
public enum LockDateField: String, Sendable, Codable, CaseIterable, Hashable {
    case fiscalYear = "fiscal_year"
    case tax
    case sale
    case purchase
    case hard
    case period

    public var odooField: String {
        switch self {
        case .fiscalYear: "fiscalyear_lock_date"
        case .tax: "tax_lock_date"
        case .sale: "sale_lock_date"
        case .purchase: "purchase_lock_date"
        case .hard: "hard_lock_date"
        case .period: "period_lock_date"
        }
    }
}

extension LockDates {
    public subscript(field: LockDateField) -> LocalDate? {
        get {
            switch field {
            case .fiscalYear: fiscalYear
            case .tax: tax
            case .sale: sale
            case .purchase: purchase
            case .hard: hard
            case .period: period
            }
        }
        set {
            switch field {
            case .fiscalYear: fiscalYear = newValue
            case .tax: tax = newValue
            case .sale: sale = newValue
            case .purchase: purchase = newValue
            case .hard: hard = newValue
            case .period: period = newValue
            }
        }
    }
}
