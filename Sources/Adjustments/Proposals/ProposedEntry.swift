public import Ledger

/// The journal entry a proposal would create in Odoo: always as a draft, in the company currency.
/// Lines carry signed amounts (debit positive, credit negative), so a balanced entry sums to zero.
public struct ProposedEntry: Sendable, Codable, Hashable {
    public var journalID: Int
    public var date: LocalDate
    /// What the entry is, as the accountant reads it in Odoo's `ref` (the idempotency tag is added on write).
    public var ref: String
    public var lines: [ProposedLine]
    /// Accruals undo themselves: the same lines, negated, dated here (the first day of the next period).
    public var reversalDate: LocalDate?

    public init(journalID: Int, date: LocalDate, ref: String, lines: [ProposedLine], reversalDate: LocalDate? = nil) {
        self.journalID = journalID
        self.date = date
        self.ref = ref
        self.lines = lines
        self.reversalDate = reversalDate
    }

    /// The sum of all lines; zero for a balanced entry.
    public var imbalance: Money? {
        guard let first = lines.first?.amount else { return nil }
        return lines.dropFirst().reduce(first) { $0 + $1.amount }
    }

    public var isBalanced: Bool { imbalance?.isZero ?? false }

    /// The total debit: what the entry moves.
    public var total: Money? {
        guard let first = lines.first?.amount else { return nil }
        return lines.reduce(first.currencyZero) { $1.amount.isNegative ? $0 : $0 + $1.amount }
    }

    /// The entry that reverses this one on `reversalDate`, if it has one.
    public var reversal: ProposedEntry? {
        reversalDate.map { date in
            ProposedEntry(journalID: journalID, date: date, ref: "Reversal of " + ref,
                          lines: lines.map { line in var reversed = line; reversed.amount = -line.amount; return reversed })
        }
    }
}

/// One line of a proposed entry.
public struct ProposedLine: Sendable, Codable, Hashable {
    public var accountID: Int
    public var partnerID: Int?
    public var label: String
    /// Debit positive, credit negative, in the company currency.
    public var amount: Money
    public var analytic: AnalyticDistribution?

    public init(accountID: Int, partnerID: Int? = nil, label: String, amount: Money, analytic: AnalyticDistribution? = nil) {
        self.accountID = accountID
        self.partnerID = partnerID
        self.label = label
        self.amount = amount
        self.analytic = analytic
    }
}

extension Money {
    /// Zero in this amount's currency and scale.
    var currencyZero: Money { Money(minorUnits: 0, currency: currency, scale: scale) }
}
