import Ledger
import OdooRPC

/// The company, its currencies, chart, journals, taxes, partners with their bank accounts, and the one
/// user, as small tables: a ledger of any size has few of them.
enum ReferenceModels {
    static let adminUID = 2

    static func all(_ snapshot: LedgerSnapshot, _ lookups: LedgerLookups) -> [SimulatedModel] {
        let company = snapshot.company
        let companyRef = lookups.companyRef
        let locks = company.lockDates
        let lockDates: [(String, LocalDate?)] = [("fiscalyear_lock_date", locks.fiscalYear), ("tax_lock_date", locks.tax), ("sale_lock_date", locks.sale),
                                                ("purchase_lock_date", locks.purchase), ("hard_lock_date", locks.hard)]
        var companyRow: RPCStruct = ["id": RPCValue(company.id), "name": .string(company.name), "currency_id": lookups.currency(company.currency.id),
                                     "fiscalyear_last_month": .string(String(company.fiscalYearEndMonth)), "fiscalyear_last_day": RPCValue(company.fiscalYearEndDay),
                                     "partner_id": false]
        for (field, date) in lockDates { companyRow[field] = LedgerLookups.date(date) }
        companyRow["user_fiscalyear_lock_date"] = LedgerLookups.date(locks.fiscalYear)
        companyRow["user_hard_lock_date"] = LedgerLookups.date(locks.hard)

        var banks: [RPCStruct] = []
        for partner in snapshot.partners {
            for number in partner.bankAccounts {
                banks.append(["id": RPCValue(banks.count + 1), "acc_number": .string(number), "partner_id": lookups.partner(partner.id)])
            }
        }
        return [
            .table("res.company", fields: named(["name", "currency_id", "fiscalyear_last_month", "fiscalyear_last_day", "partner_id",
                                                 "user_fiscalyear_lock_date", "user_hard_lock_date"] + lockDates.map(\.0)), rows: [companyRow]),
            .table("res.currency", fields: named(["name", "decimal_places"]), rows: lookups.currencies.values.map { currency in
                ["id": RPCValue(currency.id), "name": .string(currency.code.description), "decimal_places": RPCValue(currency.decimalPlaces)]
            }),
            .table("account.account", fields: named(["code", "name", "account_type", "reconcile", "company_ids"]), rows: snapshot.accounts.map { account in
                ["id": RPCValue(account.id), "code": .string(account.code), "name": .string(account.name), "account_type": .string(account.type.rawValue),
                 "reconcile": .bool(account.reconcile), "company_ids": RPCValue([company.id])]
            }),
            .table("account.journal", fields: named(["code", "name", "type", "default_account_id", "currency_id", "company_id"]), rows: snapshot.journals.map { journal in
                ["id": RPCValue(journal.id), "code": .string(journal.code), "name": .string(journal.name), "type": .string(journal.type.rawValue),
                 "default_account_id": journal.defaultAccountID.map(lookups.account) ?? false,
                 "currency_id": journal.currencyID.map { lookups.currency($0) } ?? false, "company_id": companyRef]
            }),
            .table("account.tax", fields: named(["name", "type_tax_use", "amount", "amount_type", "company_id"]), rows: snapshot.taxes.map { tax in
                ["id": RPCValue(tax.id), "name": .string(tax.name), "type_tax_use": .string(tax.scope.rawValue),
                 "amount": .double(WireNumber(minorUnits: Int64(tax.rateBasisPoints), scale: 2)), "amount_type": "percent", "company_id": companyRef]
            }),
            .table("res.partner", fields: named(["name", "is_company", "lang"]), rows: snapshot.partners.map { partner in
                ["id": RPCValue(partner.id), "name": .string(partner.name), "is_company": .bool(partner.isCompany), "lang": "en_US"]
            }),
            .table("res.partner.bank", fields: named(["acc_number", "partner_id"]), rows: banks),
            .table("res.users", fields: named(["name", "login", "company_id", "company_ids"]), rows: [
                ["id": RPCValue(adminUID), "name": "Mitchell Admin", "login": "admin", "company_id": companyRef, "company_ids": RPCValue([company.id])],
            ]),
        ]
    }

    /// Fields whose type does not matter to any reader (Closer asks fields_get only which fields exist).
    static func named(_ names: [String]) -> [(name: String, type: String)] { names.map { ($0, "char") } }
}
