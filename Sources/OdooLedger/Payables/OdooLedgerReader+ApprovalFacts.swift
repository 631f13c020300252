import Foundation
import Ledger
import OdooRPC
public import Payables

/// What a source read for routing bills: the facts of each (by bill id) and, where OCA's tier validation
/// is installed, its reviews of each bill (nil where it is not: then Closer routes the bills itself).
public struct BillApprovalReading: Sendable {
    public var facts: [Int: BillApprovalFacts]
    public var tierReviews: [Int: [TierReview]]?

    public init(facts: [Int: BillApprovalFacts], tierReviews: [Int: [TierReview]]?) {
        self.facts = facts
        self.tierReviews = tierReviews
    }
}

extension OdooLedgerReader {
    /// The tracked fields of `res.partner.bank` whose change means the vendor's bank details changed (an
    /// edited number, another owner or bank, an account brought back).
    static let trackedBankFields = ["acc_number", "partner_id", "bank_id", "active"]

    /// The approval facts of `bills` (as intake read them): the total in company currency, the vendor's first
    /// posted bill, the latest change of its bank details, the analytic accounts of the bill's lines; the best
    /// duplicate score is intake's to add. Read-only.
    func billApprovalReading(of bills: [VendorBill]) async throws -> BillApprovalReading {
        guard !bills.isEmpty else { return BillApprovalReading(facts: [:], tierReviews: nil) }
        let ids = bills.map(\.id)
        let moves = try await records("account.move", domain: [["id", "in", RPCValue(ids)]], fields: ["company_id", "amount_total_signed"])
        var currencies: [Int: Currency] = [:]
        var amounts: [Int: Money] = [:]
        for move in moves {
            let companyID = try move.many2oneID("company_id")
            if currencies[companyID] == nil { currencies[companyID] = try await company(id: companyID).currency }
            amounts[try move.int("id")] = try move.money("amount_total_signed", in: currencies[companyID]!).magnitude
        }
        let vendors = Set(bills.map(\.vendor.partnerID).filter { $0 > 0 })
        var firstBills: [Int: LocalDate] = [:]
        for vendor in vendors.sorted() {
            let first = try await client.searchRead("account.move", domain: [["commercial_partner_id", "=", RPCValue(vendor)], ["move_type", "=", "in_invoice"],
                                                                            ["state", "=", "posted"], ["invoice_date", "!=", false]],
                                                    fields: ["invoice_date"], order: "invoice_date asc, id asc", limit: 1)
            firstBills[vendor] = first.first.flatMap { OdooRecord(model: "account.move", values: $0).optionalDate("invoice_date") }
        }
        let bankChanges = try await bankDetailChanges(of: vendors)
        let analytic = try await analyticAccounts(ofBills: ids)
        let facts = Dictionary(uniqueKeysWithValues: bills.compactMap { bill -> (Int, BillApprovalFacts)? in
            guard let amount = amounts[bill.id] else { return nil }
            return (bill.id, BillApprovalFacts(source: bill.source, billID: bill.id, billTitle: bill.title, amount: amount,
                                               vendorFirstBillDate: firstBills[bill.vendor.partnerID], bankDetailsChangedOn: bankChanges[bill.vendor.partnerID],
                                               analyticAccounts: analytic[bill.id] ?? [], preparerLogin: bill.preparerLogin))
        })
        return BillApprovalReading(facts: facts, tierReviews: try await tierReviews(ofBills: ids))
    }

    /// The day each vendor's bank details last changed: an account created, or (where the chatter's tracking
    /// is readable) a tracked field of it changed; without tracking, any write to the account counts, which
    /// can only report a change too many, never one too few.
    private func bankDetailChanges(of vendors: Set<Int>) async throws -> [Int: LocalDate] {
        guard !vendors.isEmpty else { return [:] }
        let banks = try await records("res.partner.bank", domain: [["partner_id", "child_of", RPCValue(vendors.sorted())]],
                                      fields: ["partner_id", "create_date", "write_date"])
        guard !banks.isEmpty else { return [:] }
        let owners = Set(banks.compactMap { $0.optionalMany2one("partner_id")?.id })
        let commercial = Dictionary(uniqueKeysWithValues: try await client.read("res.partner", ids: owners.sorted(), fields: ["commercial_partner_id"]).compactMap {
            let partner = OdooRecord(model: "res.partner", values: $0)
            return partner.id.map { ($0, partner.optionalMany2one("commercial_partner_id")?.id ?? $0) }
        })
        let tracked = try? await trackedBankChanges(Set(banks.compactMap(\.id)))
        var changes: [Int: LocalDate] = [:]
        for bank in banks {
            guard let id = bank.id, let owner = bank.optionalMany2one("partner_id")?.id, let vendor = commercial[owner] else { continue }
            let edited = tracked.map { $0[id] } ?? bank.optionalString("write_date").flatMap { Timestamp(odoo: $0)?.date }
            let days = [bank.optionalString("create_date").flatMap { Timestamp(odoo: $0)?.date }, edited].compactMap { $0 }
            if let latest = days.max() { changes[vendor] = max(changes[vendor] ?? latest, latest) }
        }
        return changes
    }

    /// The latest tracked change of a bank-detail field per bank account. Throws where the user may not read
    /// tracking values (Odoo grants them to administrators only).
    private func trackedBankChanges(_ bankIDs: Set<Int>) async throws -> [Int: LocalDate] {
        let messages = try await records("mail.message", domain: [["model", "=", "res.partner.bank"], ["res_id", "in", RPCValue(bankIDs.sorted())],
                                                                  ["tracking_value_ids", "!=", false]], fields: ["res_id"])
        guard !messages.isEmpty else { return [:] }
        let banksByMessage = Dictionary(uniqueKeysWithValues: messages.compactMap { message in message.id.map { ($0, (try? message.int("res_id")) ?? 0) } })
        let values = try await records("mail.tracking.value", domain: [["mail_message_id", "in", RPCValue(banksByMessage.keys.sorted())],
                                                                       ["field_id.name", "in", RPCValue(Self.trackedBankFields)]],
                                       fields: ["mail_message_id", "create_date"])
        var changes: [Int: LocalDate] = [:]
        for value in values {
            // Odoo names a tracked message `false`, so its many2one is read by id alone.
            guard let message = value.values["mail_message_id"]?.arrayValue?.first?.int, let bank = banksByMessage[message],
                  let day = value.optionalString("create_date").flatMap({ Timestamp(odoo: $0)?.date }) else { continue }
            changes[bank] = max(changes[bank] ?? day, day)
        }
        return changes
    }

    /// The analytic accounts the bills' product lines charge (Odoo 17+ `analytic_distribution`), by code, else name.
    private func analyticAccounts(ofBills ids: [Int]) async throws -> [Int: [String]] {
        guard schema.has("analytic_distribution", on: "account.move.line") else { return [:] }
        let lines = try await records("account.move.line", domain: [["move_id", "in", RPCValue(ids)], ["display_type", "=", "product"],
                                                                    ["analytic_distribution", "!=", false]],
                                      fields: ["move_id", "analytic_distribution"])
        var accountsByBill: [Int: Set<Int>] = [:]
        for line in lines {
            accountsByBill[try line.many2oneID("move_id"), default: []].formUnion(line.analytic("analytic_distribution")?.shares.flatMap(\.accountIDs) ?? [])
        }
        let accountIDs = Set(accountsByBill.values.flatMap { $0 })
        guard !accountIDs.isEmpty else { return [:] }
        var names: [Int: String] = [:]
        for record in try await client.read("account.analytic.account", ids: accountIDs.sorted(), fields: ["code", "name"]) {
            let account = OdooRecord(model: "account.analytic.account", values: record)
            if let id = account.id { names[id] = account.optionalString("code").flatMap { $0.isEmpty ? nil : $0 } ?? account.optionalString("name") ?? "analytic \(id)" }
        }
        return accountsByBill.mapValues { Array(Set($0.compactMap { names[$0] })).sorted() }
    }

    /// OCA tier validation's reviews of the bills, or nil where its `tier.review` model is not installed.
    private func tierReviews(ofBills ids: [Int]) async throws -> [Int: [TierReview]]? {
        guard try await client.searchCount("ir.model", domain: [["model", "=", "tier.review"]]) > 0 else { return nil }
        let fields = ["res_id", "sequence", "name", "status", "reviewer_id", "reviewer_group_id", "todo_by", "done_by", "reviewed_date", "comment"]
        let reviews = try await client.searchRead("tier.review", domain: [["model", "=", "account.move"], ["res_id", "in", RPCValue(ids)]],
                                                  fields: fields, order: "res_id, sequence, id")
        var byBill: [Int: [TierReview]] = Dictionary(uniqueKeysWithValues: ids.map { ($0, []) })
        for values in reviews {
            let review = OdooRecord(model: "tier.review", values: values)
            let bill = try review.int("res_id")
            let reviewer = review.optionalMany2one("reviewer_id")?.name ?? review.optionalMany2one("reviewer_group_id")?.name ?? review.optionalString("todo_by")
            byBill[bill, default: []].append(TierReview(billID: bill, tier: (try? review.int("sequence")) ?? 0, name: review.optionalString("name"),
                                                        status: try review.string("status"), reviewer: reviewer, doneBy: review.optionalMany2one("done_by")?.name,
                                                        reviewedAt: review.optionalString("reviewed_date"), comment: review.optionalString("comment")))
        }
        return byBill
    }
}
