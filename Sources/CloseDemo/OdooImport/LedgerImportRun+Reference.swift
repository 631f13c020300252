import Ledger
import OdooLedger
import OdooRPC

/// Currencies, accounts, journals, taxes, analytic accounts and partners. Chart records that Odoo
/// already has are reused by their natural key (currency code, account code, journal code, tax name)
/// and aligned with the snapshot where they differ; the rest are created with an external id.
extension LedgerImportRun {
    mutating func importReferenceData() async throws {
        try await importCurrencies()
        try await importAccounts()
        try await importJournals()
        try await importTaxes()
        try await importAnalyticAccounts()
        try await importPartners()
    }

    /// Currencies are never created (Odoo ships them all); used inactive ones are activated.
    mutating func importCurrencies() async throws {
        let used = Set(snapshot.moves.map(\.currencyID) + snapshot.lines.map(\.currencyID) + snapshot.journals.compactMap(\.currencyID))
            .union([snapshot.company.currency.id])
        let codes = snapshot.currencies.map { $0.code.description }
        let value = try await client.execute("res.currency", "search_read", [[["name", "in", RPCValue(codes)]]],
                                             ["fields": ["name", "active"], "context": ["active_test": false]], idempotent: true)
        let found = Dictionary((value.arrayValue ?? []).compactMap { row -> (String, (Int, Bool))? in
            guard let name = row["name"]?.stringValue, let id = row["id"]?.int else { return nil }
            return (name, (id, row["active"]?.boolValue ?? false))
        }, uniquingKeysWith: { a, _ in a })
        for currency in snapshot.currencies {
            guard let (id, active) = found[currency.code.description] else {
                report.warn("Currency \(currency.code) (snapshot id \(currency.id)) does not exist in Odoo; its entries cannot be imported.")
                continue
            }
            report.map("res.currency", currency.id, to: id)
            report.count("res.currency", created: false)
            if !active && used.contains(currency.id) {
                try await client.write("res.currency", ids: [id], ["active": true])
                report.countUpdate("res.currency")
            }
        }
    }

    mutating func importAccounts() async throws {
        let existing = try await client.searchRead("account.account", domain: [["code", "in", RPCValue(snapshot.accounts.map(\.code))]],
                                                   fields: ["code", "name", "account_type", "reconcile"])
        let byCode = Dictionary(existing.compactMap { row in row["code"]?.stringValue.map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
        var toCreate: [Account] = []
        for account in snapshot.accounts {
            if let id = xids.id("account", account.id, model: "account.account") {
                report.map("account.account", account.id, to: id)
                report.count("account.account", created: false)
            } else if let row = byCode[account.code], let id = row["id"]?.int {
                report.map("account.account", account.id, to: id)
                report.count("account.account", created: false)
                try await align(account, id: id, row: row)
                try await xids.register("account", model: "account.account", [(account.id, id)])
            } else {
                toCreate.append(account)
            }
        }
        guard !toCreate.isEmpty else { return }
        let ids = try await client.create("account.account", toCreate.map { account in
            ["code": .string(account.code), "name": .string(account.name), "account_type": .string(account.type.rawValue),
             "reconcile": .bool(account.reconcile)]
        })
        let pairs = zip(toCreate, ids).map { (snapshotID: $0.id, odooID: $1) }
        for pair in pairs { report.map("account.account", pair.snapshotID, to: pair.odooID) }
        report.count("account.account", created: true, by: pairs.count)
        try await xids.register("account", model: "account.account", pairs)
    }

    /// A chart account with the snapshot's code takes the snapshot's name, type and reconcile flag,
    /// so checks that depend on them see the same books.
    mutating func align(_ account: Account, id: Int, row: RPCStruct) async throws {
        var changes = RPCStruct()
        if row["name"]?.stringValue != account.name { changes["name"] = .string(account.name) }
        if row["account_type"]?.stringValue != account.type.rawValue { changes["account_type"] = .string(account.type.rawValue) }
        if row["reconcile"]?.boolValue != account.reconcile { changes["reconcile"] = .bool(account.reconcile) }
        guard !changes.isEmpty else { return }
        do {
            try await client.write("account.account", ids: [id], changes)
            report.countUpdate("account.account")
        } catch {
            report.warn("Account \(account.code) \(account.name) exists in Odoo with other settings and Odoo refused to change "
                        + "\(changes.keys.joined(separator: ", ")): \(OdooErrorText.oneLine(error))")
        }
    }

    mutating func importJournals() async throws {
        let existing = try await client.searchRead("account.journal", domain: [["company_id", "=", RPCValue(companyID)]],
                                                   fields: ["code", "type", "default_account_id", "suspense_account_id", "currency_id"])
        let byCode = Dictionary(existing.compactMap { row in row["code"]?.stringValue.map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
        for journal in snapshot.journals {
            let wanted = journalValues(journal)
            if let id = xids.id("journal", journal.id, model: "account.journal") ?? byCode[journal.code]?["id"]?.int {
                report.map("account.journal", journal.id, to: id)
                report.count("account.journal", created: false)
                if let row = existing.first(where: { $0["id"]?.int == id }) {
                    if row["type"]?.stringValue != journal.type.rawValue {
                        report.warn("Journal \(journal.code) exists in Odoo as a '\(row["type"]?.stringValue ?? "?")' journal, not '\(journal.type)'; its entries keep Odoo's journal type.")
                    }
                    var changes = RPCStruct()
                    for key in ["default_account_id", "suspense_account_id", "currency_id"] {
                        if let value = wanted[key], value != .bool(false), row[key]?.many2one?.id != value.int { changes[key] = value }
                    }
                    if !changes.isEmpty {
                        do {
                            try await client.write("account.journal", ids: [id], changes)
                            report.countUpdate("account.journal")
                        } catch {
                            report.warn("Odoo refused to set \(changes.keys.joined(separator: ", ")) of journal \(journal.code): \(OdooErrorText.oneLine(error))")
                        }
                    }
                }
                try await xids.register("journal", model: "account.journal", [(journal.id, id)])
                continue
            }
            do {
                let id = try await client.create("account.journal", [wanted])[0]
                report.map("account.journal", journal.id, to: id)
                report.count("account.journal", created: true)
                try await xids.register("journal", model: "account.journal", [(journal.id, id)])
            } catch {
                report.warn("Odoo refused to create journal \(journal.code) \(journal.name): \(OdooErrorText.oneLine(error)) Its entries are skipped.")
            }
        }
    }

    func journalValues(_ journal: Journal) -> RPCStruct {
        var values: RPCStruct = ["name": .string(journal.name), "code": .string(journal.code), "type": .string(journal.type.rawValue)]
        if let account = journal.defaultAccountID.flatMap(account) { values["default_account_id"] = RPCValue(account) }
        if let currency = journal.currencyID.flatMap(currency), journal.currencyID != snapshot.company.currency.id {
            values["currency_id"] = RPCValue(currency)
        }
        if journal.type == .bank || journal.type == .cash, let suspense = suspenseAccount(of: journal).flatMap(account) {
            values["suspense_account_id"] = RPCValue(suspense)
        }
        return values
    }

    /// The account an unreconciled statement line of this journal waits on in the snapshot: Odoo
    /// recognises "unreconciled" by the journal's suspense account, so it must be that one.
    func suspenseAccount(of journal: Journal) -> Int? {
        var found = Set<Int>()
        for line in snapshot.statementLines where line.journalID == journal.id && !line.isReconciled {
            for entry in linesByMove[line.moveID] ?? [] where entry.accountID != journal.defaultAccountID { found.insert(entry.accountID) }
        }
        return found.count == 1 ? found.first : nil
    }

    mutating func importTaxes() async throws {
        guard !snapshot.taxes.isEmpty else { return }
        let existing = try await client.searchRead("account.tax", domain: [["company_id", "=", RPCValue(companyID)]],
                                                   fields: ["name", "type_tax_use", "amount", "amount_type"])
        for tax in snapshot.taxes {
            if let id = xids.id("tax", tax.id, model: "account.tax") ?? existing.first(where: {
                $0["name"]?.stringValue == tax.name && $0["type_tax_use"]?.stringValue == tax.scope.rawValue })?["id"]?.int {
                report.map("account.tax", tax.id, to: id)
                report.count("account.tax", created: false)
                try await xids.register("tax", model: "account.tax", [(tax.id, id)])
                continue
            }
            let id = try await client.create("account.tax", [[
                "name": .string(tax.name), "type_tax_use": .string(tax.scope.rawValue), "amount_type": "percent",
                "amount": .double(WireNumber(minorUnits: Int64(tax.rateBasisPoints), scale: 2)),
            ]])[0]
            report.map("account.tax", tax.id, to: id)
            report.count("account.tax", created: true)
            try await xids.register("tax", model: "account.tax", [(tax.id, id)])
        }
    }

    /// The snapshot names analytic accounts only by id inside distributions: one plan holds them all.
    mutating func importAnalyticAccounts() async throws {
        let ids = Set(snapshot.lines.flatMap { $0.analytic?.shares.flatMap(\.accountIDs) ?? [] }).sorted()
        guard !ids.isEmpty else { return }
        var plan = xids.id("analytic_plan", 0, model: "account.analytic.plan")
        if plan == nil {
            plan = try await client.create("account.analytic.plan", [["name": .string("Closer \(xids.module)")]])[0]
            report.count("account.analytic.plan", created: true)
            try await xids.register("analytic_plan", model: "account.analytic.plan", [(0, plan!)])
        }
        var missing: [Int] = []
        for id in ids {
            if let odoo = xids.id("analytic", id, model: "account.analytic.account") {
                report.map("account.analytic.account", id, to: odoo)
                report.count("account.analytic.account", created: false)
            } else {
                missing.append(id)
            }
        }
        guard !missing.isEmpty else { return }
        let created = try await client.create("account.analytic.account", missing.map {
            ["name": .string("Analytic account \($0)"), "plan_id": RPCValue(plan!)]
        })
        let pairs = zip(missing, created).map { (snapshotID: $0, odooID: $1) }
        for pair in pairs { report.map("account.analytic.account", pair.snapshotID, to: pair.odooID) }
        report.count("account.analytic.account", created: true, by: pairs.count)
        try await xids.register("analytic", model: "account.analytic.account", pairs)
    }

    mutating func importPartners() async throws {
        var toCreate: [Partner] = []
        for partner in snapshot.partners {
            if let id = xids.id("partner", partner.id, model: "res.partner") {
                report.map("res.partner", partner.id, to: id)
                report.count("res.partner", created: false)
            } else {
                toCreate.append(partner)
            }
        }
        for chunk in Self.chunks(toCreate, size: 500) {
            let ids = try await client.create("res.partner", chunk.map { ["name": .string($0.name), "is_company": .bool($0.isCompany)] })
            let pairs = zip(chunk, ids).map { (snapshotID: $0.id, odooID: $1) }
            for pair in pairs { report.map("res.partner", pair.snapshotID, to: pair.odooID) }
            report.count("res.partner", created: true, by: pairs.count)
            try await xids.register("partner", model: "res.partner", pairs)
        }
        try await importPartnerBanks()
    }

    /// Bank accounts are keyed "<partner>_<position>"; Odoo refuses the same number twice per partner.
    mutating func importPartnerBanks() async throws {
        var rows: [RPCStruct] = []
        var keys: [Int] = []
        for partner in snapshot.partners {
            guard let owner = self.partner(partner.id) else { continue }
            for (index, number) in partner.bankAccounts.enumerated() {
                let key = partner.id * 1000 + index
                if let id = xids.id("partner_bank", key, model: "res.partner.bank") {
                    report.map("res.partner.bank", key, to: id)
                    report.count("res.partner.bank", created: false)
                    continue
                }
                rows.append(["partner_id": RPCValue(owner), "acc_number": .string(number)])
                keys.append(key)
            }
        }
        for (rowChunk, keyChunk) in zip(Self.chunks(rows, size: 500), Self.chunks(keys, size: 500)) {
            do {
                let ids = try await client.create("res.partner.bank", Array(rowChunk))
                let pairs = zip(keyChunk, ids).map { (snapshotID: $0, odooID: $1) }
                for pair in pairs { report.map("res.partner.bank", pair.snapshotID, to: pair.odooID) }
                report.count("res.partner.bank", created: true, by: pairs.count)
                try await xids.register("partner_bank", model: "res.partner.bank", pairs)
            } catch {
                for (row, key) in zip(rowChunk, keyChunk) {
                    do {
                        let id = try await client.create("res.partner.bank", [row])[0]
                        report.map("res.partner.bank", key, to: id)
                        report.count("res.partner.bank", created: true)
                        try await xids.register("partner_bank", model: "res.partner.bank", [(key, id)])
                    } catch {
                        report.warn("Odoo refused bank account \(row["acc_number"]?.stringValue ?? "?") of partner "
                                    + "\(snapshot.partners.first { $0.id == key / 1000 }?.name ?? "?"): \(OdooErrorText.oneLine(error))")
                    }
                }
            }
        }
    }
}
