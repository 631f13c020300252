public import DemoCompany
public import Ledger
public import Treasury

/// The demo's payment run as `closer payments propose` reads it from Odoo: the ledger's bills left to pay, each
/// vendor's bank accounts with what Odoo's tracking says happened to them (through Treasury's change detector, as a
/// first pull sees them), the verifications recorded, the payments already made, and everyone holding each number.
/// Every bill is approved and none is held (the demo keeps no approval routes or payment blocks), and no journal's
/// balance is given, so what is left out is left out for its destination or its payments alone.
public struct DemoPaymentRun: Sendable {
    public var preflight: PaymentPreflight
    public var candidates: [PaymentCandidate]

    public init(_ book: DemoBook, rules: TreasuryRules) {
        let treasury = book.treasury
        let observed = treasury.accounts.map { account in
            ObservedBankAccount(account: VendorBankAccount(id: account.id, partnerID: account.partnerID, number: account.number, holderName: account.holder,
                                                           trusted: account.trusted),
                                active: true, createdAt: account.createdAt, createdBy: account.createdBy, writtenAt: account.createdAt, writtenBy: account.createdBy)
        }
        let tracked = treasury.changes.compactMap { change in
            BankDetailChange.Kind(rawValue: change.kind).map {
                BankDetailChange(accountID: change.accountID, partnerID: change.partnerID, kind: $0, at: change.at, by: change.by, detail: change.detail)
            }
        }
        let watchedSince = Timestamp(date: treasury.executionDate.adding(days: -rules.recentChangeDays))
        let changes = Dictionary(grouping: BankChangeDetector(watchedSince: watchedSince).changes(previous: nil, current: observed, tracked: tracked),
                                 by: \.partnerID)
        let accounts = Dictionary(grouping: observed.map(\.account), by: \.partnerID)
        let verifications = treasury.verifications.map { BankVerification(accountID: $0.accountID, by: $0.by, channel: $0.channel, at: $0.at) }
        let journal = book.snapshot.journals.first { $0.type == .bank && $0.currencyID == nil }
        candidates = treasury.bills.map { bill in
            let vendorAccounts = accounts[bill.vendorID] ?? []
            let ids = Set(vendorAccounts.map(\.id))
            return PaymentCandidate(billID: bill.id, billName: bill.name, vendorID: bill.vendorID, vendorName: bill.vendorName, reference: bill.reference,
                                    amount: bill.residual, dueDate: bill.dueDate, journalID: journal?.id ?? 0, approved: true,
                                    bankAccounts: vendorAccounts, bankChanges: changes[bill.vendorID] ?? [],
                                    verifications: verifications.filter { ids.contains($0.accountID) })
        }
        var owners: [String: [NumberOwner]] = [:]
        for account in treasury.accounts {
            owners[VendorBankAccount(id: account.id, partnerID: account.partnerID, number: account.number, trusted: account.trusted).sanitizedNumber, default: []]
                .append(NumberOwner(partnerID: account.partnerID, commercialPartnerID: account.commercialPartnerID, name: account.holder,
                                    isEmployee: account.isEmployee))
        }
        preflight = PaymentPreflight(
            rules: rules, executionDate: treasury.executionDate, payBy: treasury.payBy, lockDate: book.snapshot.company.lockDates.lockedThrough,
            existingPayments: treasury.payments.map {
                ExistingPayment(id: $0.id, name: $0.name, vendorID: $0.vendorID, amount: $0.amount, date: $0.date, posted: $0.posted, billIDs: $0.billIDs)
            },
            numberOwners: owners)
    }

    public func propose() -> PaymentRunProposal { preflight.propose(candidates) }
}
