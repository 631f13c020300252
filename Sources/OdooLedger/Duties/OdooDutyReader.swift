import Duties
import Ledger
import OdooRPC

/// Reads, for one company, who holds which vendor duty (users, groups, access rights) and who did what since a
/// day: created or changed the vendors of its posted bills and outgoing payments, their bank accounts, trusted
/// those, posted the bills, registered the payments. Who changed a field comes from Odoo's tracking where the
/// login may read it (`mail.tracking.value`: administrators), else from the creator and, for bank accounts, the last writer.
struct OdooDutyReader {
    let client: OdooClient
    let sourceKey: SourceKey

    /// The bank account fields whose change moves where a vendor's money goes (all tracked by Odoo's `account`).
    static let bankFields = ["acc_number", "partner_id", "bank_id", "active", "acc_holder_name"]

    /// `billIDs`: bills to name the vendors of beside the posted ones (those Closer's approvals decided), whatever their date or state.
    func read(companyID: Int, since: LocalDate, billIDs: [Int]) async throws -> DutyReading {
        let rights = try await rights()
        let window: [RPCValue] = [["company_id", "=", RPCValue(companyID)], ["date", ">=", .string(since.description)]]
        let billFields = ["name", "commercial_partner_id", "state"]
        let bills = try await client.searchRead("account.move", domain: window + [["move_type", "in", ["in_invoice", "in_refund"]], ["state", "=", "posted"]],
                                                fields: billFields)
        let asked = Set(billIDs).subtracting(bills.compactMap { $0["id"]?.int })
        let otherBills = asked.isEmpty ? [] : try await client.searchRead("account.move", domain: [["id", "in", RPCValue(asked.sorted())], ["company_id", "=", RPCValue(companyID)]],
                                                                        fields: billFields)
        let payments = try await client.searchRead("account.payment", domain: window + [["payment_type", "=", "outbound"], ["partner_type", "=", "supplier"],
                                                                                        ["state", "in", ["in_process", "paid"]]],
                                                   fields: ["name", "partner_id", "create_uid", "create_date"])
        var commercial = try await client.commercialPartners(of: Set(payments.compactMap { $0["partner_id"]?.many2one?.id }))
        let vendorIDs = Set((bills + otherBills).compactMap { $0["commercial_partner_id"]?.many2one?.id } + payments.compactMap { $0["partner_id"]?.many2one?.id }.compactMap { commercial[$0] })
        guard !vendorIDs.isEmpty else {
            return DutyReading(people: try await people(companyID: companyID, authors: [], rights: rights), acts: [], trackingRead: true)
        }
        let vendorRows = try await client.read("res.partner", ids: vendorIDs.sorted(), fields: ["name", "create_uid", "create_date"])
        var vendors: [Int: RecordRef] = [:]
        for row in vendorRows {
            if let id = row["id"]?.int { vendors[id] = ref("res.partner", id, row["name"]?.stringValue) }
        }
        let banks = try await client.searchRead("res.partner.bank", domain: [["partner_id", "child_of", RPCValue(vendorIDs.sorted())], ["active", "in", [true, false]]],
                                                fields: ["acc_number", "partner_id", "allow_out_payment", "create_uid", "create_date", "write_uid", "write_date"])
        commercial.merge(try await client.commercialPartners(of: Set(banks.compactMap { $0["partner_id"]?.many2one?.id }).subtracting(commercial.keys))) { a, _ in a }

        let tracking = try? await trackedChanges(vendorIDs: vendorIDs, bankIDs: banks.compactMap { $0["id"]?.int }, billIDs: bills.compactMap { $0["id"]?.int })
        var acts: [DutyAct] = []
        for row in vendorRows {
            guard let id = row["id"]?.int, let vendor = vendors[id] else { continue }
            acts += act(.createdVendor, row, user: "create_uid", at: "create_date", vendor: vendor, record: vendor, basis: .creator)
        }
        for change in tracking?.vendors ?? [] {
            guard let vendor = vendors[change.recordID] else { continue }
            acts.append(DutyAct(kind: .changedVendor, odooUserID: change.userID, vendor: vendor, record: vendor, field: change.field, at: change.at, basis: .tracking))
        }
        var bankRecords: [Int: (vendor: RecordRef, record: RecordRef)] = [:]
        for row in banks {
            guard let id = row["id"]?.int, let owner = row["partner_id"]?.many2one?.id, let vendor = commercial[owner].flatMap({ vendors[$0] }) else { continue }
            let record = ref("res.partner.bank", id, row["acc_number"]?.stringValue)
            bankRecords[id] = (vendor, record)
            acts += act(.createdBankAccount, row, user: "create_uid", at: "create_date", vendor: vendor, record: record, basis: .creator)
            guard tracking == nil else { continue }
            // Without tracking the last writer stands in: for a trusted account, the trust (its likeliest last write).
            if row["allow_out_payment"]?.boolValue == true {
                acts += act(.trustedBankAccount, row, user: "write_uid", at: "write_date", vendor: vendor, record: record, basis: .lastWriter)
            } else if row["write_date"]?.stringValue != row["create_date"]?.stringValue {
                acts += act(.changedBankAccount, row, user: "write_uid", at: "write_date", vendor: vendor, record: record, basis: .lastWriter)
            }
        }
        for change in tracking?.banks ?? [] {
            guard let (vendor, record) = bankRecords[change.recordID] else { continue }
            if change.field == "allow_out_payment" {
                if change.newInteger == 1 {
                    acts.append(DutyAct(kind: .trustedBankAccount, odooUserID: change.userID, vendor: vendor, record: record, field: change.field, at: change.at,
                                        basis: .tracking))
                }
            } else {
                acts.append(DutyAct(kind: .changedBankAccount, odooUserID: change.userID, vendor: vendor, record: record, field: change.field, at: change.at,
                                    basis: .tracking))
            }
        }
        let postings = Dictionary(grouping: tracking?.postings ?? [], by: \.recordID)
        var billVendors: [Int: BillOfVendor] = [:]
        for row in bills + otherBills {
            guard let id = row["id"]?.int, let vendor = row["commercial_partner_id"]?.many2one.flatMap({ vendors[$0.id] }) else { continue }
            let record = ref("account.move", id, row["name"]?.stringValue)
            billVendors[id] = BillOfVendor(bill: record, vendor: vendor)
            guard row["state"]?.stringValue == "posted" else { continue }
            // Who posted is known from tracking only: paying a bill makes the payer its last writer (seen on Odoo 18).
            acts += (postings[id] ?? []).map {
                DutyAct(kind: .postedBill, odooUserID: $0.userID, vendor: vendor, record: record, field: "state", at: $0.at, basis: .tracking)
            }
        }
        for row in payments {
            guard let id = row["id"]?.int, let vendor = row["partner_id"]?.many2one.flatMap({ commercial[$0.id] }).flatMap({ vendors[$0] }) else { continue }
            acts += act(.paid, row, user: "create_uid", at: "create_date", vendor: vendor, record: ref("account.payment", id, row["name"]?.stringValue), basis: .creator)
        }
        let people = try await people(companyID: companyID, authors: Set(acts.map(\.odooUserID)), rights: rights)
        return DutyReading(people: people, acts: acts, trackingRead: tracking != nil, billVendors: billVendors)
    }

    private func act(_ kind: DutyAct.Kind, _ row: RPCStruct, user: String, at: String, vendor: RecordRef, record: RecordRef, basis: DutyAct.Basis) -> [DutyAct] {
        guard let userID = row[user]?.many2one?.id else { return [] }
        return [DutyAct(kind: kind, odooUserID: userID, vendor: vendor, record: record, at: row[at]?.stringValue.flatMap { Timestamp(odoo: $0) }, basis: basis)]
    }

    private func ref(_ model: String, _ id: Int, _ name: String?) -> RecordRef {
        RecordRef(model: model, id: id, name: name.flatMap { $0.isEmpty ? nil : $0 } ?? "\(model) \(id)",
                  link: OdooLedgerSource.webLink(sourceKey: sourceKey, model: model, id: id))
    }
}
