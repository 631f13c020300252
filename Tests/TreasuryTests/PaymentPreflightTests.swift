import Ledger
import Testing
import Treasury

/// The payment run's pre-flight on bills beside their look-alikes: each planted problem leaves its bill out with the
/// reason, and the bill that only looks like it is paid.
@Suite struct PaymentPreflightTests {
    static let euro = CurrencyCode("EUR")!
    static let today = LocalDate(iso: "2026-12-07")!
    static func eur(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: euro) }
    static func at(_ daysAgo: Int) -> Timestamp { Timestamp(date: today.adding(days: -daysAgo), hour: 10) }

    static let goodIBAN = "DE89 3704 0044 0532 0130 00"
    static let otherIBAN = "DE02 1203 0000 0000 2020 51"

    static func bill(_ id: Int, vendor: Int, cents: Int64 = 100_000, due: Int = -1, accounts: [VendorBankAccount]? = nil,
                     changes: [BankDetailChange] = [], verifications: [BankVerification] = [], approved: Bool = true, journal: Int = 1) -> PaymentCandidate {
        PaymentCandidate(billID: id, billName: "BILL/\(id)", vendorID: vendor, vendorName: "Vendor \(vendor)", reference: "INV-\(id)", amount: eur(cents),
                         dueDate: today.adding(days: due), journalID: journal, approved: approved,
                         bankAccounts: accounts ?? [VendorBankAccount(id: vendor * 10, partnerID: vendor, number: goodIBAN, trusted: true)],
                         bankChanges: changes, verifications: verifications)
    }

    static func preflight(_ configure: (inout PaymentPreflight) -> Void = { _ in }) -> PaymentPreflight {
        var preflight = PaymentPreflight(rules: TreasuryRules(), executionDate: today, payBy: today.adding(days: 7))
        configure(&preflight)
        return preflight
    }

    static func issues(_ proposal: PaymentRunProposal, _ billID: Int) -> [PreflightIssue]? {
        proposal.leftOut.first { $0.candidate.billID == billID }?.issues
    }

    static func paid(_ proposal: PaymentRunProposal) -> [Int] { proposal.groups.flatMap(\.payments).map(\.candidate.billID).sorted() }

    @Test func aChangedAccountWaitsForTheCoolOffAndASecondPersonsVerification() {
        let changedYesterday = Self.bill(1, vendor: 1, changes: [BankDetailChange(accountID: 10, partnerID: 1, kind: .numberChanged, at: Self.at(1), by: "bob")])
        let changedLongAgoVerified = Self.bill(2, vendor: 2, changes: [BankDetailChange(accountID: 20, partnerID: 2, kind: .numberChanged, at: Self.at(30), by: "bob")],
                                               verifications: [BankVerification(accountID: 20, by: "vera", channel: "phone, number from the 2025 contract", at: Self.at(29))])
        let verifiedByChanger = Self.bill(3, vendor: 3, changes: [BankDetailChange(accountID: 30, partnerID: 3, kind: .created, at: Self.at(30), by: "bob")],
                                          verifications: [BankVerification(accountID: 30, by: "bob", channel: "email", at: Self.at(29))])
        let trustedByChanger = Self.bill(4, vendor: 4, changes: [BankDetailChange(accountID: 40, partnerID: 4, kind: .numberChanged, at: Self.at(30), by: "bob"),
                                                                 BankDetailChange(accountID: 40, partnerID: 4, kind: .trusted, at: Self.at(29), by: "bob")],
                                         verifications: [BankVerification(accountID: 40, by: "vera", channel: "phone", at: Self.at(29))])
        // Verified before the latest change: that verification was of the old number.
        let verifiedBeforeChange = Self.bill(5, vendor: 5, changes: [BankDetailChange(accountID: 50, partnerID: 5, kind: .numberChanged, at: Self.at(20), by: "bob")],
                                             verifications: [BankVerification(accountID: 50, by: "vera", channel: "phone", at: Self.at(25))])
        let proposal = Self.preflight().propose([changedYesterday, changedLongAgoVerified, verifiedByChanger, trustedByChanger, verifiedBeforeChange])
        #expect(Self.paid(proposal) == [2])
        let waiting = Self.issues(proposal, 1) ?? []
        #expect(waiting.contains(.coolingOff(number: Self.goodIBAN, change: .numberChanged, on: Self.today.adding(days: -1), until: Self.today.adding(days: 4))))
        #expect(waiting.contains { if case .unverified = $0 { true } else { false } })
        #expect(Self.issues(proposal, 3) == [.verifiedByChanger(number: Self.goodIBAN, login: "bob")])
        #expect(Self.issues(proposal, 4) == [.trustedByChanger(number: Self.goodIBAN, login: "bob")])
        #expect(Self.issues(proposal, 5)?.first.map { if case .unverified = $0 { true } else { false } } == true)
        #expect(proposal.leftOut.first { $0.candidate.billID == 1 }?.reason.contains("payments to it wait until 2026-12-11 (cool-off)") == true)
    }

    @Test func theApproverIsNeitherWhoChangedNorWhoVerified() {
        let verified = Self.bill(2, vendor: 2, changes: [BankDetailChange(accountID: 20, partnerID: 2, kind: .numberChanged, at: Self.at(30), by: "bob")],
                                 verifications: [BankVerification(accountID: 20, by: "vera", channel: "phone", at: Self.at(29))])
        let proposal = Self.preflight().propose([verified, Self.bill(6, vendor: 6)])
        #expect(proposal.conflicts(approver: "bob").count == 1 && proposal.conflicts(approver: "vera").count == 1)
        #expect(proposal.conflicts(approver: "carl").isEmpty)
    }

    @Test func accountsThatCannotBePaidSayWhy() {
        let untrusted = Self.bill(1, vendor: 1, accounts: [VendorBankAccount(id: 10, partnerID: 1, number: Self.goodIBAN, trusted: false)])
        let twoTrusted = Self.bill(2, vendor: 2, accounts: [VendorBankAccount(id: 20, partnerID: 2, number: Self.goodIBAN, trusted: true),
                                                            VendorBankAccount(id: 21, partnerID: 2, number: Self.otherIBAN, trusted: true)])
        // The look-alike: the same number entered twice (spaced and not) is one account, and an untrusted second one is fine.
        let sameNumberTwice = Self.bill(3, vendor: 3, accounts: [VendorBankAccount(id: 30, partnerID: 3, number: Self.goodIBAN, trusted: true),
                                                                 VendorBankAccount(id: 31, partnerID: 3, number: "DE89370400440532013000", trusted: true),
                                                                 VendorBankAccount(id: 32, partnerID: 3, number: Self.otherIBAN, trusted: false)])
        let badChecksum = Self.bill(4, vendor: 4, accounts: [VendorBankAccount(id: 40, partnerID: 4, number: "DE88 3704 0044 0532 0130 00", trusted: true)])
        let noNumber = Self.bill(5, vendor: 5, accounts: [VendorBankAccount(id: 50, partnerID: 5, number: " ", trusted: true)])
        let noAccount = Self.bill(6, vendor: 6, accounts: [])
        let usdAccount = Self.bill(7, vendor: 7, accounts: [VendorBankAccount(id: 70, partnerID: 7, number: Self.goodIBAN, trusted: true,
                                                                              currency: CurrencyCode("USD")!)])
        let proposal = Self.preflight().propose([untrusted, twoTrusted, sameNumberTwice, badChecksum, noNumber, noAccount, usdAccount])
        #expect(Self.paid(proposal) == [3])
        #expect(Self.issues(proposal, 1) == [.untrusted(number: Self.goodIBAN)])
        #expect(Self.issues(proposal, 2) == [.severalTrustedAccounts(numbers: [Self.goodIBAN, Self.otherIBAN])])
        #expect(proposal.leftOut.first { $0.candidate.billID == 4 }?.reason.contains("its check digits do not match") == true)
        #expect(proposal.leftOut.first { $0.candidate.billID == 5 }?.reason.contains("has no number") == true)
        #expect(Self.issues(proposal, 6) == [.noBankAccount])
        #expect(Self.issues(proposal, 7) == [.accountCurrency(number: Self.goodIBAN, account: CurrencyCode("USD")!, bill: Self.euro)])
    }

    @Test func aNumberSharedWithAnEmployeeIsHeld() {
        let owners: [String: [NumberOwner]] = [
            "DE89370400440532013000": [NumberOwner(partnerID: 1, commercialPartnerID: 1, name: "Vendor 1", isEmployee: false),
                                       NumberOwner(partnerID: 90, commercialPartnerID: 90, name: "Eve Smith", isEmployee: true)],
            "DE02120300000000202051": [NumberOwner(partnerID: 2, commercialPartnerID: 2, name: "Vendor 2", isEmployee: false)],
        ]
        let shared = Self.bill(1, vendor: 1)
        let own = Self.bill(2, vendor: 2, accounts: [VendorBankAccount(id: 20, partnerID: 2, number: Self.otherIBAN, trusted: true)])
        let proposal = Self.preflight { $0.numberOwners = owners }.propose([shared, own])
        #expect(Self.paid(proposal) == [2])
        #expect(Self.issues(proposal, 1) == [.employeeNumber(number: Self.goodIBAN, employees: ["Eve Smith"])])
        #expect(Self.issues(proposal, 1)?.map(\.kind) == ["employee-bank-account"])
    }

    /// One number held by another company's contact is held; held by a contact of the vendor itself (its accounts
    /// department beside the company) it is the vendor's own account, paid as usual.
    @Test func aNumberSharedWithAnotherCompanyIsHeldAndOneSharedWithinTheVendorIsNot() {
        let owners: [String: [NumberOwner]] = [
            "DE89370400440532013000": [NumberOwner(partnerID: 1, commercialPartnerID: 1, name: "Vendor 1", isEmployee: false),
                                       NumberOwner(partnerID: 31, commercialPartnerID: 3, name: "Vendor 3, Accounts", isEmployee: false)],
            "DE02120300000000202051": [NumberOwner(partnerID: 2, commercialPartnerID: 2, name: "Vendor 2", isEmployee: false),
                                       NumberOwner(partnerID: 21, commercialPartnerID: 2, name: "Vendor 2, Accounts", isEmployee: false)],
        ]
        let sharedWithAnother = Self.bill(1, vendor: 1)
        let sharedWithinVendor = Self.bill(2, vendor: 2, accounts: [VendorBankAccount(id: 20, partnerID: 2, number: Self.otherIBAN, trusted: true)])
        let proposal = Self.preflight { $0.numberOwners = owners }.propose([sharedWithAnother, sharedWithinVendor])
        #expect(Self.paid(proposal) == [2])
        #expect(Self.issues(proposal, 1) == [.sharedNumber(number: Self.goodIBAN, owners: ["Vendor 3, Accounts"])])
        #expect(Self.issues(proposal, 1)?.map(\.kind) == ["shared-bank-account"])
    }

    @Test func aBillAlreadyPaidOrLikelyPaidIsLeftOutAndItsLookAlikesAreNot() {
        let payments = [
            ExistingPayment(id: 1, name: "PAY/1", vendorID: 1, amount: Self.eur(100_000), date: Self.today.adding(days: -3), posted: true, billIDs: [1]),
            ExistingPayment(id: 2, name: "PAY/2", vendorID: 2, amount: Self.eur(100_000), date: Self.today.adding(days: -2), posted: false, billIDs: [2]),
            // Same vendor, same amount, three days ago, matched to no bill: this bill paid by hand, most likely.
            ExistingPayment(id: 3, name: "PAY/3", vendorID: 3, amount: Self.eur(100_000), date: Self.today.adding(days: -3), posted: true, billIDs: []),
            // Look-alikes: last month's rent, and a payment of the same amount matched to another bill.
            ExistingPayment(id: 4, name: "PAY/4", vendorID: 4, amount: Self.eur(100_000), date: Self.today.adding(days: -31), posted: true, billIDs: []),
            ExistingPayment(id: 5, name: "PAY/5", vendorID: 5, amount: Self.eur(100_000), date: Self.today.adding(days: -2), posted: true, billIDs: [55]),
        ]
        let proposal = Self.preflight { $0.existingPayments = payments }.propose((1...5).map { Self.bill($0, vendor: $0) })
        #expect(Self.paid(proposal) == [4, 5])
        #expect(Self.issues(proposal, 1) == [.alreadyPaid(payment: "PAY/1", posted: true)])
        #expect(proposal.leftOut.first { $0.candidate.billID == 2 }?.reason == "draft payment PAY/2 already pays it: post or cancel it in Odoo")
        #expect(Self.issues(proposal, 3) == [.likelyPaid(payment: "PAY/3", on: Self.today.adding(days: -3))])
    }

    @Test func approvalHoldsCurrencyAndLockDateComeFirst() {
        var held = Self.bill(2, vendor: 2)
        held.heldBecause = "BILL/2 looks like BILL/1 (same vendor reference)"
        var wrongJournal = Self.bill(3, vendor: 3)
        wrongJournal.journalCurrency = CurrencyCode("USD")!
        let proposal = Self.preflight().propose([Self.bill(1, vendor: 1, approved: false), held, wrongJournal])
        #expect(Self.issues(proposal, 1) == [.notApproved] && Self.issues(proposal, 2) == [.held("BILL/2 looks like BILL/1 (same vendor reference)")])
        #expect(Self.issues(proposal, 3) == [.journalCurrency(journal: CurrencyCode("USD")!, bill: Self.euro)])
        let locked = Self.preflight { $0.lockDate = Self.today }.propose([Self.bill(4, vendor: 4)])
        #expect(Self.issues(locked, 4) == [.lockDate(payment: Self.today, lock: Self.today)])
    }

    @Test func paymentsAreGroupedPerJournalAndFundedEarliestDueFirst() {
        let bills = [Self.bill(1, vendor: 1, cents: 60_000, due: -5), Self.bill(2, vendor: 2, cents: 50_000, due: -1), Self.bill(3, vendor: 3, cents: 30_000, due: 2),
                     Self.bill(4, vendor: 4, cents: 70_000, journal: 2), Self.bill(5, vendor: 5, cents: 10_000, due: 30)]
        let proposal = Self.preflight { $0.balances = [1: Self.eur(100_000)] }.propose(bills)
        #expect(proposal.groups.map(\.journalID) == [1, 2] && proposal.notDue == 1)
        let first = proposal.groups[0]
        #expect(first.payments.map(\.candidate.billID) == [1, 3] && first.total == Self.eur(90_000) && first.balanceAfter == Self.eur(10_000))
        #expect(Self.issues(proposal, 2) == [.insufficientFunds(projected: Self.eur(-10_000))])
        #expect(proposal.groups[1].balanceBefore == nil && proposal.groups[1].total == Self.eur(70_000), "no balance given: no funding check")
    }

    @Test func aDiscountWorthItIsTakenEarlyAndOneNotWorthItWaits() {
        var worth = Self.bill(1, vendor: 1, cents: 100_000, due: 30)
        worth.discount = EarlyPaymentDiscount(until: Self.today.adding(days: 3), amount: Self.eur(98_000))   // 2 % for 30 days early: 24 % a year
        var notWorth = Self.bill(2, vendor: 2, cents: 100_000, due: 60)
        notWorth.discount = EarlyPaymentDiscount(until: Self.today.adding(days: 3), amount: Self.eur(99_900))  // 0.1 % for 60 days: 0.6 % a year
        var expired = Self.bill(3, vendor: 3, cents: 100_000, due: 2)
        expired.discount = EarlyPaymentDiscount(until: Self.today.adding(days: -1), amount: Self.eur(98_000))
        let proposal = Self.preflight().propose([worth, notWorth, expired])
        let payments = proposal.groups.flatMap(\.payments)
        #expect(payments.map(\.candidate.billID) == [3, 1] || payments.map(\.candidate.billID) == [1, 3])
        #expect(payments.first { $0.candidate.billID == 1 }.map { $0.discountTaken && $0.amount == Self.eur(98_000) } == true)
        #expect(payments.first { $0.candidate.billID == 3 }.map { !$0.discountTaken && $0.amount == Self.eur(100_000) } == true)
        #expect(proposal.notDue == 1)
    }
}
