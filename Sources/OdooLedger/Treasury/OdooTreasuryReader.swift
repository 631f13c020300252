import Foundation
import Ledger
import OdooRPC
import Treasury

/// Reads one company's payables for a payment run, read-only. Amounts are in each document's currency, parsed
/// exactly from the wire; a bill's due date and early-payment discount come from its open payable lines
/// (`date_maturity`, `discount_date`, `discount_amount_currency`), as Odoo's payment wizard reads them.
struct OdooTreasuryReader {
    let reader: OdooLedgerReader
    let companyID: Int
    var client: OdooClient { reader.client }

    static let trackedFields = ["acc_number", "acc_holder_name", "allow_out_payment", "partner_id"]

    func read(sourceKey: SourceKey) async throws -> TreasuryReading {
        let company = try await reader.company(id: companyID)
        var currencies = Dictionary(try await reader.currencies(including: company.currency).map { ($0.id, $0) }) { first, _ in first }
        let moves = try await reader.records("account.move", domain: [
            ["company_id", "=", RPCValue(companyID)], ["move_type", "=", "in_invoice"], ["state", "=", "posted"],
            ["payment_state", "in", ["not_paid", "partial"]],
        ], fields: ["name", "ref", "commercial_partner_id", "currency_id", "create_uid"])
        for currency in try await reader.archivedCurrencies(referencedBy: moves, known: currencies) { currencies[currency.id] = currency }
        let bills = try await payableBills(moves, currencies: currencies)
        let vendorIDs = Set(bills.map(\.vendorID))
        let accounts = try await bankAccounts(partnerIDs: vendorIDs, currencies: currencies)
        async let tracked = trackedChanges(accounts)
        async let payments = outboundPayments(vendorIDs: vendorIDs, currencies: currencies)
        async let journals = bankJournals(company: company, currencies: currencies)
        async let owners = numberOwners(Set(accounts.map(\.account.sanitizedNumber)))
        return TreasuryReading(sourceKey: sourceKey, company: company, bills: bills, bankAccounts: accounts, trackedChanges: try await tracked,
                               payments: try await payments, journals: try await journals, numberOwners: try await owners)
    }

    /// Bills with their open payable lines: what is left, the earliest due date, and the discount while all of it is open.
    private func payableBills(_ moves: [OdooRecord], currencies: [Int: Currency]) async throws -> [PayableBill] {
        guard !moves.isEmpty else { return [] }
        let lines = try await reader.records("account.move.line", domain: [
            ["move_id", "in", RPCValue(try moves.map { try $0.int("id") })], ["account_id.account_type", "=", "liability_payable"], ["reconciled", "=", false],
        ], fields: ["move_id", "amount_currency", "amount_residual_currency", "date_maturity", "discount_date", "discount_amount_currency"])
        let linesByMove = Dictionary(grouping: lines) { (try? $0.many2oneID("move_id")) ?? 0 }
        let logins = try await client.logins(Set(moves.compactMap { $0.optionalMany2one("create_uid")?.id }))
        var bills: [PayableBill] = []
        for move in moves {
            let id = try move.int("id")
            guard let open = linesByMove[id], !open.isEmpty, let currency = currencies[try move.many2oneID("currency_id")] else { continue }
            var residual = currency.zero, total = currency.zero, discounted = currency.zero
            var due: LocalDate?, discountDate: LocalDate?
            for line in open {
                residual -= try line.money("amount_residual_currency", in: currency)
                total -= try line.money("amount_currency", in: currency)
                let maturity = line.optionalDate("date_maturity")
                due = [due, maturity].compactMap { $0 }.min()
                if let until = line.optionalDate("discount_date") {
                    discountDate = [discountDate, until].compactMap { $0 }.min()
                    discounted -= try line.money("discount_amount_currency", in: currency)
                } else {
                    discounted -= try line.money("amount_residual_currency", in: currency)
                }
            }
            guard residual.minorUnits > 0 else { continue }
            let vendor = try move.many2oneID("commercial_partner_id")
            bills.append(PayableBill(
                id: id, name: move.optionalString("name") ?? "bill \(id)", vendorID: vendor,
                vendorName: move.optionalMany2one("commercial_partner_id")?.name ?? "partner \(vendor)", reference: move.optionalString("ref") ?? "",
                residual: residual, dueDate: due ?? .todayUTC(),
                discount: discountDate.flatMap { residual == total && discounted < residual ? EarlyPaymentDiscount(until: $0, amount: discounted) : nil },
                preparerLogin: move.optionalMany2one("create_uid").flatMap { logins[$0.id] }))
        }
        return bills
    }

    private func bankAccounts(partnerIDs: Set<Int>, currencies: [Int: Currency]) async throws -> [ObservedBankAccount] {
        guard !partnerIDs.isEmpty else { return [] }
        let records = try await reader.records("res.partner.bank", domain: [["partner_id", "in", RPCValue(partnerIDs.sorted())]], fields: [
            "partner_id", "acc_number", "acc_holder_name", "allow_out_payment", "currency_id", "bank_id", "create_date", "create_uid", "write_date", "write_uid",
        ])
        let users = Set(records.flatMap { [$0.optionalMany2one("create_uid")?.id, $0.optionalMany2one("write_uid")?.id].compactMap { $0 } })
        async let logins = client.logins(users)
        let bics = try await bankCodes(Set(records.compactMap { $0.optionalMany2one("bank_id")?.id }))
        let known = try await logins
        return try records.map { record in
            let account = VendorBankAccount(
                id: try record.int("id"), partnerID: try record.many2oneID("partner_id"), number: record.optionalString("acc_number") ?? "",
                holderName: record.optionalString("acc_holder_name"), bic: record.optionalMany2one("bank_id").flatMap { bics[$0.id] },
                trusted: record.bool("allow_out_payment"), currency: record.optionalMany2one("currency_id").flatMap { currencies[$0.id]?.code })
            func login(_ field: String) -> String {
                record.optionalMany2one(field).map { known[$0.id] ?? $0.name } ?? "unknown"
            }
            return ObservedBankAccount(account: account, active: true, createdAt: try record.timestamp("create_date"), createdBy: login("create_uid"),
                                       writtenAt: try record.timestamp("write_date"), writtenBy: login("write_uid"))
        }
    }

    private func bankCodes(_ ids: Set<Int>) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        var codes: [Int: String] = [:]
        for bank in try await client.read("res.bank", ids: ids.sorted(), fields: ["bic"]).map({ OdooRecord(model: "res.bank", values: $0) }) {
            if let id = bank.id, let bic = bank.optionalString("bic") { codes[id] = bic }
        }
        return codes
    }

    /// Odoo's tracking of the accounts' number, holder, owner and trust: each change with who made it and when, from
    /// the account's own chatter (Odoo logs a copy on the partner too). Only base.group_system may read tracking
    /// values, so nil for anyone else.
    private func trackedChanges(_ accounts: [ObservedBankAccount]) async throws -> [BankDetailChange]? {
        let tracked: [TrackedChange]
        do {
            tracked = try await OdooTracking(client: client).changes(on: "res.partner.bank", ids: accounts.map(\.account.id).sorted(),
                                                                     fieldsOf: "res.partner.bank", named: Self.trackedFields)
        } catch OdooError.accessError {
            return nil
        }
        let logins = try await client.logins(Set(tracked.map(\.userID)))
        let partners = Dictionary(accounts.map { ($0.account.id, $0.account.partnerID) }) { first, _ in first }
        return tracked.compactMap { change in
            guard let at = change.at else { return nil }
            let kind: BankDetailChange.Kind
            switch change.field {
            case "acc_number": kind = .numberChanged
            case "acc_holder_name": kind = .holderChanged
            case "partner_id": kind = .created
            default: kind = change.newInteger == 1 ? .trusted : .untrusted
            }
            let old = change.oldText ?? "", new = change.newText ?? ""
            return BankDetailChange(accountID: change.recordID, partnerID: partners[change.recordID] ?? 0, kind: kind, at: at,
                                    by: logins[change.userID] ?? "user \(change.userID)",
                                    detail: kind == .trusted || kind == .untrusted ? nil : "\(old.isEmpty ? "none" : old) → \(new.isEmpty ? "none" : new)")
        }
    }

    /// Outgoing vendor payments of the last months, not cancelled or rejected, with the bills each pays.
    private func outboundPayments(vendorIDs: Set<Int>, currencies: [Int: Currency]) async throws -> [ExistingPayment] {
        guard !vendorIDs.isEmpty else { return [] }
        let since = LocalDate.todayUTC().adding(days: -120)
        let records = try await direct("account.payment", domain: [
            ["company_id", "=", RPCValue(companyID)], ["payment_type", "=", "outbound"], ["partner_id", "in", RPCValue(vendorIDs.sorted())],
            ["state", "not in", ["canceled", "rejected"]], ["date", ">=", .string(since.description)],
        ], fields: ["name", "partner_id", "amount", "currency_id", "date", "state", "reconciled_bill_ids", "invoice_ids"])
        return try records.compactMap { record in
            guard let currency = currencies[try record.many2oneID("currency_id")] else { return nil }
            return ExistingPayment(id: try record.int("id"), name: record.optionalString("name") ?? "payment", vendorID: try record.many2oneID("partner_id"),
                                   amount: try record.money("amount", in: currency), date: try record.date("date"),
                                   posted: record.optionalString("state") != "draft",
                                   billIDs: Array(Set(record.ids("reconciled_bill_ids") + record.ids("invoice_ids"))).sorted())
        }
    }

    /// The company's bank journals with their projected balance: the bank account's posted balance (in the journal's
    /// currency when it has one) less the payments sent from it that no statement line has matched yet.
    private func bankJournals(company: Company, currencies: [Int: Currency]) async throws -> [BankJournal] {
        let journals = try await reader.records("account.journal", domain: [["company_id", "=", RPCValue(companyID)], ["type", "=", "bank"]],
                                                fields: ["name", "currency_id", "default_account_id", "bank_account_id"])
        let ownIDs = Set(journals.compactMap { $0.optionalMany2one("bank_account_id")?.id })
        let ownRecords = ownIDs.isEmpty ? [] : try await client.read("res.partner.bank", ids: ownIDs.sorted(), fields: ["acc_number", "bank_id"])
            .map { OdooRecord(model: "res.partner.bank", values: $0) }
        let ownBICs = try await bankCodes(Set(ownRecords.compactMap { $0.optionalMany2one("bank_id")?.id }))
        var ownAccounts: [Int: (number: String, bic: String?)] = [:]
        for record in ownRecords {
            guard let id = record.id else { continue }
            ownAccounts[id] = (record.optionalString("acc_number") ?? "", record.optionalMany2one("bank_id").flatMap { ownBICs[$0.id] })
        }
        // One sum per bank account (read_group), and one read of the payments sent and not yet on a statement.
        let accounts = journals.compactMap { $0.optionalMany2one("default_account_id")?.id }
        let sums = accounts.isEmpty ? RPCValue.array([]) : try await client.execute("account.move.line", "read_group", [
            [["account_id", "in", RPCValue(accounts)], ["parent_state", "=", "posted"]], ["balance:sum", "amount_currency:sum"], ["account_id"],
        ], ["lazy": false], idempotent: true)
        var sumsByAccount: [Int: OdooRecord] = [:]
        for group in sums.arrayValue?.compactMap(\.structValue) ?? [] {
            let sum = OdooRecord(model: "account.move.line", values: group)
            if let account = sum.optionalMany2one("account_id")?.id { sumsByAccount[account] = sum }
        }
        let sent = try await direct("account.payment", domain: [
            ["journal_id", "in", RPCValue(try journals.map { try $0.int("id") })], ["payment_type", "=", "outbound"], ["state", "=", "in_process"],
            ["is_matched", "=", false],
        ], fields: ["journal_id", "amount", "currency_id"])
        let sentByJournal = Dictionary(grouping: sent) { $0.optionalMany2one("journal_id")?.id ?? 0 }
        var result: [BankJournal] = []
        for journal in journals {
            let id = try journal.int("id")
            let currency = journal.optionalMany2one("currency_id").flatMap { currencies[$0.id] } ?? company.currency
            var balance = try journal.optionalMany2one("default_account_id").flatMap { sumsByAccount[$0.id] }
                .map { try $0.money(currency.id != company.currency.id ? "amount_currency" : "balance", in: currency) } ?? currency.zero
            for payment in sentByJournal[id] ?? [] where payment.optionalMany2one("currency_id")?.id == currency.id {
                balance -= try payment.money("amount", in: currency)
            }
            let own = journal.optionalMany2one("bank_account_id").flatMap { ownAccounts[$0.id] }
            result.append(BankJournal(id: id, name: journal.optionalString("name") ?? "journal \(id)",
                                      currency: journal.optionalMany2one("currency_id").flatMap { currencies[$0.id]?.code },
                                      accountNumber: own?.number, bic: own?.bic, projectedBalance: balance))
        }
        return result
    }

    /// Every partner holding one of these account numbers, the company it is a contact of, and whether it is an
    /// employee's private contact or bank account: a vendor sharing an employee's number is the classic diversion.
    private func numberOwners(_ numbers: Set<String>) async throws -> [String: [NumberOwner]] {
        let numbers = numbers.filter { !$0.isEmpty }
        guard !numbers.isEmpty else { return [:] }
        let holders = try await reader.records("res.partner.bank", domain: [["sanitized_acc_number", "in", RPCValue(numbers.sorted())]],
                                               fields: ["sanitized_acc_number", "partner_id"])
        var employeeAccounts: Set<Int> = [], employeePartners: Set<Int> = []
        if try await client.searchCount("ir.model", domain: [["model", "=", "hr.employee"]]) > 0 {
            for employee in try await direct("hr.employee", domain: [["bank_account_id", "in", RPCValue(try holders.map { try $0.int("id") })]],
                                                     fields: ["bank_account_id", "work_contact_id"]) {
                if let account = employee.optionalMany2one("bank_account_id")?.id { employeeAccounts.insert(account) }
                if let contact = employee.optionalMany2one("work_contact_id")?.id { employeePartners.insert(contact) }
            }
        }
        // Two contacts of one company sharing its account is ordinary; the company each holder belongs to tells them apart.
        let commercial = try await client.commercialPartners(of: Set(holders.compactMap { $0.optionalMany2one("partner_id")?.id }))
        var owners: [String: [NumberOwner]] = [:]
        for holder in holders {
            guard let number = holder.optionalString("sanitized_acc_number"), let partner = holder.optionalMany2one("partner_id") else { continue }
            let isEmployee = employeeAccounts.contains(try holder.int("id")) || employeePartners.contains(partner.id)
            owners[number, default: []].append(NumberOwner(partnerID: partner.id, commercialPartnerID: commercial[partner.id] ?? partner.id, name: partner.name,
                                                           isEmployee: isEmployee))
        }
        return owners
    }

    /// Models the pull's schema does not cover (payments, employees), read with the fields named.
    private func direct(_ model: String, domain: [RPCValue], fields: [String]) async throws -> [OdooRecord] {
        try await client.searchRead(model, domain: domain, fields: fields).map { OdooRecord(model: model, values: $0) }
    }
}
