import Foundation
import Ledger

/// The demo's payment run: every vendor gets a trusted IBAN account, and the run's problems are planted on the
/// ledger's open bills, each on a vendor of its own beside a look-alike that must pass — an account changed two days
/// ago and verified by nobody; one verified only by whoever changed it; a number another company holds too; an
/// employee's number; a bill already paid; an unmatched payment of a bill's amount within the duplicate window. The
/// look-alikes: a change verified by a second person after the cool-off; two contacts of one company sharing its
/// number; last month's payment of the same amount. A small company has few vendors with bills due: what does not fit
/// is named in `notPlanted`. Dates fit the built-in rules (a 5-day cool-off, a 10-day duplicate window, changes
/// watched for 30 days).
struct DemoTreasuryPlanter {
    static let salt: UInt64 = 0x7EA5_0B1E_5EED_C0DE
    /// Other companies that may hold a vendor's number: a fraudster's, or a factoring company's.
    static let otherCompanies = ["Ridgeway Trading Ltd", "Northgate Factoring LLC"]

    private(set) var treasury: DemoTreasury
    private(set) var problems: [PlantedProblem] = []
    private(set) var lookAlikes: [PlantedProblem] = []
    private(set) var notPlanted: [String: String] = [:]
    private var random: DemoRandom
    private var nextPartnerID: Int
    private var billsByVendor: [Int: [DemoPayableBill]]
    private var unused: [Int] = []

    /// `vendors`: every partner the company buys from; `firstPartnerID`: the ids new contacts and companies start at.
    init(seed: UInt64, asOf: LocalDate, moves: [Move], partners: [Partner], vendors: [Int], employees: [DemoEmployee], firstPartnerID: Int) {
        random = DemoRandom(seed: seed ^ Self.salt)
        nextPartnerID = firstPartnerID
        treasury = DemoTreasury(executionDate: asOf, payBy: asOf.adding(days: 30))
        let names = Dictionary(partners.map { ($0.id, $0.name) }) { first, _ in first }
        let payBy = treasury.payBy
        treasury.bills = moves.filter { $0.type == .vendorBill && $0.state == .posted && !$0.amountResidual.isZero && ($0.dueDate ?? $0.date) <= payBy }
            .compactMap { move in
                move.partnerID.map { DemoPayableBill(id: move.id, name: move.name, vendorID: $0, vendorName: names[$0] ?? "partner \($0)",
                                                     reference: move.ref ?? "", residual: move.amountResidual.magnitude, dueDate: move.dueDate ?? move.date) }
            }
        billsByVendor = Dictionary(grouping: treasury.bills, by: \.vendorID)
        let since = asOf.adding(days: -700)
        // Every vendor, and whoever else a bill is due to, has one trusted account.
        for vendor in Set(vendors).union(billsByVendor.keys).sorted() {
            addAccount(partnerID: vendor, holder: names[vendor] ?? "partner \(vendor)", number: newIBAN(), createdAt: Timestamp(date: since, hour: 9))
        }
        for employee in employees {
            addAccount(partnerID: employee.contactID, holder: employee.name, number: newIBAN(), trusted: false, isEmployee: true,
                       createdAt: Timestamp(date: since, hour: 11))
        }
        unused = billsByVendor.keys.sorted()
        random.shuffle(&unused)
        plantBankChanges()
        plantSharedNumbers(employees: employees)
        plantPayments()
    }

    // MARK: the plants

    private mutating func plantBankChanges() {
        let run = treasury.executionDate
        if let vendor = takeVendor(for: ["bank-change-cooling-off", "bank-change-unverified"]) {
            let change = changeNumber(of: vendor, daysAgo: 2, by: "bob")
            let what = "bank account \(change.new) of \(name(vendor)) was changed by bob on \(change.at.date)"
            plant("bank-change-cooling-off", vendor, what + ", within the cool-off before the run on \(run)")
            plant("bank-change-unverified", vendor, what + " and nobody has verified it with the vendor")
        }
        if let vendor = takeVendor(for: ["bank-change-verified-by-changer"]) {
            let change = changeNumber(of: vendor, daysAgo: 12, by: "bob")
            verify(change.accountID, by: "bob", daysAgo: 11)
            plant("bank-change-verified-by-changer", vendor,
                  "bank account \(change.new) of \(name(vendor)) was changed by bob on \(change.at.date) and verified by bob alone")
        }
        if let vendor = takeVendor(for: ["bank-change-verified-by-second-person"]) {
            let change = changeNumber(of: vendor, daysAgo: 20, by: "bob")
            verify(change.accountID, by: "alice", daysAgo: 19)
            plant("bank-change-verified-by-second-person", vendor, "bank account \(change.new) of \(name(vendor)) was changed by bob on "
                  + "\(change.at.date), verified by alice the next day, and the cool-off is over: it is paid", lookAlike: true)
        }
    }

    private mutating func plantSharedNumbers(employees: [DemoEmployee]) {
        let longAgo = Timestamp(date: treasury.executionDate.adding(days: -400), hour: 14)
        if let vendor = takeVendor(for: ["shared-bank-account"]) {
            let number = account(of: vendor).number, other = random.pick(Self.otherCompanies)
            addAccount(partnerID: newPartnerID(), holder: other, number: number, createdAt: longAgo)
            plant("shared-bank-account", vendor, "bank account \(number) of \(name(vendor)) is also held by \(other), another company")
        }
        if employees.isEmpty {
            notPlanted["employee-bank-account"] = "the company has no employees"
        } else if let vendor = takeVendor(for: ["employee-bank-account"]) {
            let employee = employees[0]
            let number = treasury.accounts.first { $0.partnerID == employee.contactID }!.number
            setNumber(of: vendor, to: number)
            plant("employee-bank-account", vendor, "bank account \(number) of \(name(vendor)) is employee \(employee.name)'s own account")
        }
        if let vendor = takeVendor(for: ["bank-account-of-one-company"]) {
            let number = account(of: vendor).number
            addAccount(partnerID: newPartnerID(), commercialPartnerID: vendor, holder: name(vendor) + ", Accounts Receivable", number: number, createdAt: longAgo)
            plant("bank-account-of-one-company", vendor, "bank account \(number) of \(name(vendor)) is also on its accounts-receivable contact: "
                  + "one company, one account, paid", lookAlike: true)
        }
    }

    private mutating func plantPayments() {
        let run = treasury.executionDate
        if let bill = takeBill(for: "payment-already-made") {
            let payment = addPayment(bill, daysAgo: 2, billIDs: [bill.id])
            plant("payment-already-made", bill, "\(bill.name) of \(bill.vendorName) (\(bill.residual)) is paid already by posted payment \(payment.name)")
        }
        if let bill = takeBill(for: "payment-likely-duplicate") {
            let payment = addPayment(bill, daysAgo: 3, billIDs: [])
            plant("payment-likely-duplicate", bill, "payment \(payment.name) of \(bill.residual) to \(bill.vendorName) on \(payment.date), "
                  + "matched to no bill, is most likely \(bill.name) paid by hand")
        }
        if let bill = takeBill(for: "payment-outside-duplicate-window") {
            let payment = addPayment(bill, daysAgo: 31, billIDs: [])
            plant("payment-outside-duplicate-window", bill, "payment \(payment.name) of \(bill.residual) to \(bill.vendorName) on \(payment.date) "
                  + "is last month's, a month before the run on \(run): \(bill.name) is paid", lookAlike: true)
        }
    }

    // MARK: helpers

    /// The next vendor with bills due that nothing was planted on yet; nil (and the kinds noted) when none is left.
    private mutating func takeVendor(for kinds: [String]) -> Int? {
        guard !unused.isEmpty else {
            for kind in kinds { notPlanted[kind] = "no vendor with a bill due by \(treasury.payBy) was left to plant it on" }
            return nil
        }
        return unused.removeFirst()
    }

    /// A bill of an unused vendor whose amount no other bill of that vendor has, so a payment of that amount points at it alone.
    private mutating func takeBill(for kind: String) -> DemoPayableBill? {
        for (index, vendor) in unused.enumerated() {
            let bills = billsByVendor[vendor] ?? []
            if let bill = bills.first(where: { bill in bills.filter { $0.residual == bill.residual }.count == 1 }) {
                unused.remove(at: index)
                return bill
            }
        }
        notPlanted[kind] = "no vendor with a bill due by \(treasury.payBy) was left to plant it on"
        return nil
    }

    private func name(_ vendor: Int) -> String { billsByVendor[vendor]?.first?.vendorName ?? "partner \(vendor)" }

    private func account(of vendor: Int) -> DemoBankAccount { treasury.accounts.first { $0.partnerID == vendor }! }

    private mutating func setNumber(of vendor: Int, to number: String) {
        let index = treasury.accounts.firstIndex { $0.partnerID == vendor }!
        treasury.accounts[index].number = number
    }

    /// The vendor's account gets a new number `daysAgo` at 10:00, as Odoo's tracking records it.
    private mutating func changeNumber(of vendor: Int, daysAgo: Int, by login: String) -> (accountID: Int, new: String, at: Timestamp) {
        let old = account(of: vendor), new = newIBAN()
        let at = Timestamp(date: treasury.executionDate.adding(days: -daysAgo), hour: 10)
        setNumber(of: vendor, to: new)
        treasury.changes.append(DemoBankChange(accountID: old.id, partnerID: vendor, kind: "number-changed", at: at, by: login, detail: "\(old.number) → \(new)"))
        return (old.id, new, at)
    }

    private mutating func verify(_ accountID: Int, by login: String, daysAgo: Int) {
        treasury.verifications.append(DemoBankVerification(accountID: accountID, by: login, channel: "phone, number from an earlier invoice",
                                                           at: Timestamp(date: treasury.executionDate.adding(days: -daysAgo), hour: 15)))
    }

    private mutating func addAccount(partnerID: Int, commercialPartnerID: Int? = nil, holder: String, number: String, trusted: Bool = true,
                                     isEmployee: Bool = false, createdAt: Timestamp) {
        treasury.accounts.append(DemoBankAccount(id: treasury.accounts.count + 1, partnerID: partnerID, commercialPartnerID: commercialPartnerID ?? partnerID,
                                                 holder: holder, number: number, trusted: trusted, isEmployee: isEmployee, createdAt: createdAt, createdBy: "alice"))
    }

    private mutating func addPayment(_ bill: DemoPayableBill, daysAgo: Int, billIDs: [Int]) -> DemoPayment {
        let id = treasury.payments.count + 1, date = treasury.executionDate.adding(days: -daysAgo)
        let payment = DemoPayment(id: id, name: "PBNK1/\(date.year)/\(String(format: "%05d", id))", vendorID: bill.vendorID, amount: bill.residual,
                                  date: date, posted: true, billIDs: billIDs)
        treasury.payments.append(payment)
        return payment
    }

    private mutating func newPartnerID() -> Int {
        defer { nextPartnerID += 1 }
        return nextPartnerID
    }

    /// A German IBAN: an eight-digit bank code, a ten-digit account, and the check digits mod 97 gives them.
    private mutating func newIBAN() -> String {
        let bank = random.int(10_000_000...89_999_999), account = random.int64(1_000_000_000...9_999_999_999)
        return IBANChecksum.iban(country: "DE", bban: String(bank) + String(account))
    }

    private mutating func plant(_ kind: String, _ vendor: Int, _ detail: String, lookAlike: Bool = false) {
        let records = (billsByVendor[vendor] ?? []).map { RecordRef(model: "account.move", id: $0.id, name: $0.name) }
        record(PlantedProblem(kind: kind, records: records, detail: detail), lookAlike: lookAlike)
    }

    private mutating func plant(_ kind: String, _ bill: DemoPayableBill, _ detail: String, lookAlike: Bool = false) {
        record(PlantedProblem(kind: kind, records: [RecordRef(model: "account.move", id: bill.id, name: bill.name)], detail: detail), lookAlike: lookAlike)
    }

    private mutating func record(_ problem: PlantedProblem, lookAlike: Bool) {
        if lookAlike { lookAlikes.append(problem) } else { problems.append(problem) }
    }
}
