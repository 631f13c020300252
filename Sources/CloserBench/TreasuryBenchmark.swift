import DemoCompany
import Foundation
import Ledger
import Treasury

/// The treasury bar: the pre-flight of a 10,000-payment run (2,000 vendors, each with a trusted account, a fifth
/// of them changed and verified, 20,000 payments already in Odoo to search for duplicates). Median of `runs`.
///   swift build -c release --product closer-bench && .build/release/closer-bench treasury
enum TreasuryBenchmark {
    static func run(bills: Int = 10_000, vendors: Int = 2_000, runs: Int = 5) {
        var random = DemoRandom(seed: 31)
        let euro = CurrencyCode("EUR")!, today = LocalDate(iso: "2026-12-07")!
        let ibans = (0..<vendors).map { vendor in Self.iban(bank: 37_040_044, account: 100_000 + vendor) }
        var owners: [String: [NumberOwner]] = [:]
        for (vendor, iban) in ibans.enumerated() { owners[iban.electronic, default: []].append(NumberOwner(partnerID: vendor, commercialPartnerID: vendor, name: "V\(vendor)", isEmployee: false)) }
        let candidates = (0..<bills).map { id -> PaymentCandidate in
            let vendor = Int(random.next() % UInt64(vendors))
            let changed = vendor % 5 == 0
            return PaymentCandidate(
                billID: id, billName: "BILL/\(id)", vendorID: vendor, vendorName: "V\(vendor)", reference: "INV-\(id)",
                amount: Money(minorUnits: Int64(10_000 + random.next() % 1_000_000), currency: euro), dueDate: today.adding(days: Int(random.next() % 20) - 10),
                journalID: 1 + vendor % 3, approved: true,
                bankAccounts: [VendorBankAccount(id: vendor, partnerID: vendor, number: ibans[vendor].description, trusted: true)],
                bankChanges: changed ? [BankDetailChange(accountID: vendor, partnerID: vendor, kind: .numberChanged, at: Timestamp(date: today.adding(days: -20)), by: "bob")] : [],
                verifications: changed ? [BankVerification(accountID: vendor, by: "vera", channel: "phone", at: Timestamp(date: today.adding(days: -19)))] : [])
        }
        let payments = (0..<(2 * bills)).map { id in
            ExistingPayment(id: id, name: "PAY/\(id)", vendorID: Int(random.next() % UInt64(vendors)),
                            amount: Money(minorUnits: Int64(10_000 + random.next() % 1_000_000), currency: euro),
                            date: today.adding(days: -Int(random.next() % 90)), posted: true, billIDs: id % 4 == 0 ? [] : [bills + id])
        }
        let preflight = PaymentPreflight(rules: TreasuryRules(), executionDate: today, payBy: today.adding(days: 7), existingPayments: payments,
                                         balances: [1: Money(minorUnits: 900_000_000, currency: euro)], numberOwners: owners)
        var times: [Duration] = [], proposal: PaymentRunProposal?
        for _ in 0..<runs {
            let began = ContinuousClock.now
            proposal = preflight.propose(candidates)
            times.append(ContinuousClock.now - began)
        }
        let median = times.sorted()[times.count / 2]
        let proposed = proposal?.groups.reduce(0) { $0 + $1.payments.count } ?? 0
        print(String(format: "pre-flight of %@ bills (%@ vendors, %@ payments in Odoo): %.3f s (median of %d; %@ proposed, %@ left out, %@ not due)",
                     bills.formatted(), vendors.formatted(), payments.count.formatted(),
                     Double(median.components.seconds) + Double(median.components.attoseconds) / 1e18, runs,
                     proposed.formatted(), (proposal?.leftOut.count ?? 0).formatted(), (proposal?.notDue ?? 0).formatted()))
    }

    /// A German IBAN for a bank code and account number, its check digits computed.
    static func iban(bank: Int, account: Int) -> IBAN {
        let bban = String(format: "%08d%010d", bank, account)
        for check in 2...98 {
            if let iban = try? IBAN("DE" + String(format: "%02d", check) + bban) { return iban }
        }
        fatalError("no check digits fit \(bban)")
    }
}
