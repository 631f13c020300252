import Ledger
import OdooLedger
import OdooRPC

/// Company settings go last: lock dates are written only after everything is posted, because Odoo
/// silently re-dates entries posted into a locked period and refuses to lock over open bank lines.
extension LedgerImportRun {
    mutating func applyCompanySettings() async throws {
        let company = snapshot.company
        let available = try await client.fieldsGet("res.company", attributes: ["type"])
        let lockFields: [(String, LocalDate?)] = [
            ("fiscalyear_lock_date", company.lockDates.fiscalYear), ("tax_lock_date", company.lockDates.tax),
            ("sale_lock_date", company.lockDates.sale), ("purchase_lock_date", company.lockDates.purchase),
            ("period_lock_date", company.lockDates.period), ("hard_lock_date", company.lockDates.hard),
        ]
        let wanted = lockFields.filter { $0.1 != nil }
        for (field, _) in wanted where available[field] == nil {
            report.warn("Odoo \(available.isEmpty ? "" : "of this version ")has no \(field) on res.company: that lock date of \(company.name) is not set.")
        }
        let readable = ["name", "fiscalyear_last_month", "fiscalyear_last_day"] + lockFields.map(\.0).filter { available[$0] != nil }
        guard let current = try await client.read("res.company", ids: [companyID], fields: readable).first else { return }
        var settings = RPCStruct()
        if current["name"]?.stringValue != company.name { settings["name"] = .string(company.name) }
        if current["fiscalyear_last_month"]?.stringValue != String(company.fiscalYearEndMonth) {
            settings["fiscalyear_last_month"] = .string(String(company.fiscalYearEndMonth))
        }
        if current["fiscalyear_last_day"]?.int != company.fiscalYearEndDay { settings["fiscalyear_last_day"] = RPCValue(company.fiscalYearEndDay) }
        if !settings.isEmpty {
            do {
                try await client.write("res.company", ids: [companyID], settings)
                report.countUpdate("res.company")
            } catch let error as OdooError where !error.isTransient {
                report.warn("Odoo refused the settings \(settings.keys.joined(separator: ", ")) of company \(company.name): \(OdooErrorText.oneLine(error))")
            }
        }
        // One write per lock date, the irreversible hard lock last, so one refusal does not block the others.
        for (field, date) in wanted where available[field] != nil {
            guard let date, current[field]?.stringValue != date.description else { continue }
            do {
                try await client.write("res.company", ids: [companyID], [field: .string(date.description)])
                report.countUpdate("res.company")
            } catch let error as OdooError where !error.isTransient {
                report.warn("Odoo refused to set \(field) of company \(company.name) to \(date): \(OdooErrorText.oneLine(error))")
            }
        }
    }
}
