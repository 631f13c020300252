public import Ledger

/// The pre-flight checks a payment run makes before proposing anything: each bill due by the run's date (or worth
/// paying early for its discount) must be approved and not held, paid to the vendor's one trusted account with a
/// valid number that did not change within the cool-off and whose change a second person verified, not already
/// paid, not dated into a locked period, payable from its journal's currency — and the journal must hold enough.
public struct PaymentPreflight: Sendable {
    public var rules: TreasuryRules
    public var executionDate: LocalDate
    public var payBy: LocalDate
    /// The last day of the company's lock (Odoo's lock dates), when there is one.
    public var lockDate: LocalDate?
    public var existingPayments: [ExistingPayment]
    /// What each bank journal is expected to hold on the execution date, by journal id.
    public var balances: [Int: Money]
    /// The journals' names and the company's accounts on them, by journal id, for the payment file.
    public var journals: [Int: PaymentJournal]
    /// Every partner (and employee) holding each account number, by sanitized number: one number, several owners is a warning sign.
    public var numberOwners: [String: [NumberOwner]]

    public init(rules: TreasuryRules, executionDate: LocalDate, payBy: LocalDate, lockDate: LocalDate? = nil, existingPayments: [ExistingPayment] = [],
                balances: [Int: Money] = [:], journals: [Int: PaymentJournal] = [:], numberOwners: [String: [NumberOwner]] = [:]) {
        self.rules = rules
        self.executionDate = executionDate
        self.payBy = payBy
        self.lockDate = lockDate
        self.existingPayments = existingPayments
        self.balances = balances
        self.journals = journals
        self.numberOwners = numberOwners
    }

    public func propose(_ candidates: [PaymentCandidate]) -> PaymentRunProposal {
        let paymentsByVendor = Dictionary(grouping: existingPayments, by: \.vendorID)
        var ready: [ProposedPayment] = [], leftOut: [LeftOutBill] = [], notDue = 0
        for candidate in candidates {
            guard let (amount, discountTaken) = amountDue(candidate) else {
                notDue += 1
                continue
            }
            var issues = billIssues(candidate, amount: amount, payments: paymentsByVendor[candidate.vendorID] ?? [])
            let destination = BankAccountCheck(candidate: candidate, rules: rules, asOf: executionDate, numberOwners: numberOwners)
            issues += destination.issues
            if issues.isEmpty, let account = destination.account, let iban = destination.iban {
                ready.append(ProposedPayment(candidate: candidate, amount: amount, account: account, iban: iban, discountTaken: discountTaken,
                                             changedBy: destination.changedBy, verifiedBy: destination.verifiedBy))
            } else {
                leftOut.append(LeftOutBill(candidate: candidate, issues: issues))
            }
        }
        var groups: [PaymentGroup] = []
        let grouped = Dictionary(grouping: ready) { GroupKey(journalID: $0.candidate.journalID, currency: $0.amount.currency) }
        for key in grouped.keys.sorted(by: { ($0.journalID, $0.currency.description) < ($1.journalID, $1.currency.description) }) {
            let (group, short) = fund(journalID: key.journalID, currency: key.currency, payments: grouped[key] ?? [])
            groups.append(group)
            leftOut += short
        }
        return PaymentRunProposal(executionDate: executionDate, payBy: payBy, groups: groups, leftOut: leftOut, notDue: notDue)
    }

    struct GroupKey: Hashable {
        var journalID: Int
        var currency: CurrencyCode
    }

    /// What to pay: all that is left when due by `payBy`; the discounted amount when paying early earns at least the rules' rate a year.
    func amountDue(_ candidate: PaymentCandidate) -> (Money, Bool)? {
        if let discount = candidate.discount, discount.until >= executionDate, discount.amount < candidate.amount, discount.amount.minorUnits > 0 {
            let daysEarly = max(1, executionDate.days(until: candidate.dueDate))
            let saved = Double(candidate.amount.minorUnits - discount.amount.minorUnits) / Double(discount.amount.minorUnits)
            if saved * 365 / Double(daysEarly) >= rules.minimumDiscountAnnualRate || candidate.dueDate <= payBy { return (discount.amount, true) }
        }
        return candidate.dueDate <= payBy ? (candidate.amount, false) : nil
    }

    func billIssues(_ candidate: PaymentCandidate, amount: Money, payments: [ExistingPayment]) -> [PreflightIssue] {
        var issues: [PreflightIssue] = []
        if !candidate.approved { issues.append(.notApproved) }
        if let why = candidate.heldBecause { issues.append(.held(why)) }
        if let journal = candidate.journalCurrency, journal != amount.currency { issues.append(.journalCurrency(journal: journal, bill: amount.currency)) }
        if let lockDate, executionDate <= lockDate { issues.append(.lockDate(payment: executionDate, lock: lockDate)) }
        if let paying = payments.first(where: { $0.billIDs.contains(candidate.billID) }) {
            issues.append(.alreadyPaid(payment: paying.name, posted: paying.posted))
        } else if let twin = payments.first(where: { payment in
            payment.billIDs.isEmpty && [candidate.amount, amount].contains(payment.amount)
                && abs(payment.date.days(until: executionDate)) <= rules.duplicateWindowDays
        }) {
            issues.append(.likelyPaid(payment: twin.name, on: twin.date))
        }
        return issues
    }

    /// The group's payments in order (earliest due first), each while the journal's expected balance covers it.
    func fund(journalID: Int, currency: CurrencyCode, payments: [ProposedPayment]) -> (PaymentGroup, [LeftOutBill]) {
        let ordered = payments.sorted { ($0.candidate.dueDate, $0.candidate.billID) < ($1.candidate.dueDate, $1.candidate.billID) }
        let before = balances[journalID].flatMap { $0.currency == currency ? $0 : nil }
        var remaining = before, paid: [ProposedPayment] = [], short: [LeftOutBill] = []
        var total = Money.zero(currency, scale: ordered.first?.amount.scale ?? 2)
        for payment in ordered {
            if let left = remaining {
                guard payment.amount <= left else {
                    short.append(LeftOutBill(candidate: payment.candidate, issues: [.insufficientFunds(projected: left - payment.amount)]))
                    continue
                }
                remaining = left - payment.amount
            }
            paid.append(payment)
            total += payment.amount
        }
        return (PaymentGroup(journalID: journalID, journal: journals[journalID], currency: currency, payments: paid, total: total, balanceBefore: before, balanceAfter: remaining), short)
    }
}
