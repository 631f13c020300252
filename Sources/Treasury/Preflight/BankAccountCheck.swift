public import Ledger

/// Where a bill's money would go, checked: the vendor's one trusted account, a valid number in the bill's
/// currency, no change within the cool-off, and every change since verified and trusted by someone other than
/// who made it. Changes are the ones Closer saw (Odoo's tracking since it started watching), so an account
/// older than that needs no recorded verification.
struct BankAccountCheck {
    var issues: [PreflightIssue] = []
    var account: VendorBankAccount?
    var iban: IBAN?
    var changedBy: Set<String> = []
    var verifiedBy: Set<String> = []

    init(candidate: PaymentCandidate, rules: TreasuryRules, asOf: LocalDate, numberOwners: [String: [NumberOwner]]) {
        let trusted = candidate.bankAccounts.filter(\.trusted)
        guard let account = trusted.first else {
            issues.append(candidate.bankAccounts.first.map { .untrusted(number: $0.number) } ?? .noBankAccount)
            return
        }
        let numbers = Set(trusted.map(\.sanitizedNumber))
        guard numbers.count == 1 else {
            issues.append(.severalTrustedAccounts(numbers: trusted.map(\.number)))
            return
        }
        self.account = account
        do { iban = try IBAN(account.number) } catch { issues.append(.invalidNumber(number: account.number, reason: error.description)) }
        if let currency = account.currency, currency != candidate.amount.currency {
            issues.append(.accountCurrency(number: account.number, account: currency, bill: candidate.amount.currency))
        }
        let strangers = (numberOwners[account.sanitizedNumber] ?? []).filter { $0.isStranger(to: candidate.vendorID) }
        let employees = strangers.filter(\.isEmployee), companies = strangers.filter { !$0.isEmployee }
        if !employees.isEmpty { issues.append(.employeeNumber(number: account.number, employees: employees.map(\.name))) }
        if !companies.isEmpty { issues.append(.sharedNumber(number: account.number, owners: companies.map(\.name))) }
        checkChanges(candidate.bankChanges.filter { $0.accountID == account.id }, verifications: candidate.verifications.filter { $0.accountID == account.id },
                     number: account.number, rules: rules, asOf: asOf)
    }

    mutating func checkChanges(_ changes: [BankDetailChange], verifications: [BankVerification], number: String, rules: TreasuryRules, asOf: LocalDate) {
        guard let (latest, changers) = changes.latestDestinationChange else { return }
        let since = changes.filter { $0.at >= latest.at }
        changedBy = changers
        let day = latest.at.date, until = day.adding(days: rules.coolOffDays)
        if asOf < until { issues.append(.coolingOff(number: number, change: latest.kind, on: day, until: until)) }
        let checks = verifications.filter { $0.at >= latest.at }
        verifiedBy = Set(checks.map(\.by)).union(since.filter { $0.kind == .trusted }.map(\.by))
        if changes.unverifiedChange(verifications) != nil {
            issues.append(checks.first.map { .verifiedByChanger(number: number, login: $0.by) }
                          ?? .unverified(number: number, change: latest.kind, on: day, by: latest.by))
        }
        if let trust = since.last(where: { $0.kind == .trusted }), changedBy.contains(trust.by) {
            issues.append(.trustedByChanger(number: number, login: trust.by))
        }
    }
}
