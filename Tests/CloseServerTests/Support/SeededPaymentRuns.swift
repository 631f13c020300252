import CloseStore
import Foundation
import Ledger
import Treasury

/// A payment run proposed in the store without Odoo: two bills paid from a euro journal with its own IBAN, one left
/// out because its vendor's account changed and nobody else verified it; and that change, held.
enum SeededPaymentRuns {
    static let today = LocalDate.todayUTC()
    static let euro = CurrencyCode("EUR")!

    static func candidate(_ id: Int, vendor: Int, cents: Int64, changedBy: String? = nil) -> PaymentCandidate {
        let account = VendorBankAccount(id: vendor * 10, partnerID: vendor, number: "DE89 3704 0044 0532 0130 00", trusted: true)
        let changes = changedBy.map { [BankDetailChange(accountID: account.id, partnerID: vendor, kind: .numberChanged,
                                                        at: Timestamp(date: today.adding(days: -20), hour: 9), by: $0,
                                                        detail: "NL91ABNA0417164300 → DE89370400440532013000")] } ?? []
        return PaymentCandidate(billID: id, billName: "BILL/\(id)", vendorID: vendor, vendorName: "Vendor \(vendor)", reference: "INV-\(id)",
                                amount: Money(minorUnits: cents, currency: euro), dueDate: today.adding(days: -1), journalID: 1, approved: true,
                                bankAccounts: [account], bankChanges: changes, verifications: [])
    }

    /// Proposes the run as `proposer`; the held vendor's change was made by `changer`.
    static func propose(_ store: AppDatabase, source: SourceKey, proposer: String, changer: String = "mallory") throws -> PaymentRun {
        var preflight = PaymentPreflight(rules: TreasuryRules(), executionDate: today, payBy: today.adding(days: 7))
        preflight.journals = [1: PaymentJournal(id: 1, name: "Bank EUR", holder: "Fake Company", accountNumber: "BE68 5390 0754 7034", bic: "GKCCBEBB")]
        let held = candidate(3, vendor: 3, cents: 99_000, changedBy: changer)
        try store.recordBankAccounts([], changes: held.bankChanges, sourceKey: source, actor: "closer")
        return try store.proposePaymentRun(preflight.propose([candidate(1, vendor: 1, cents: 100_000), candidate(2, vendor: 2, cents: 45_050), held]),
                                           sourceKey: source, actor: proposer)
    }
}
