public import Ledger
public import OdooRPC

/// Reads and sets a company's lock dates in Odoo under whichever field names the version has.
public struct OdooCompanyLocks: Sendable {
    let client: OdooClient

    public init(client: OdooClient) { self.client = client }

    /// The lock dates this Odoo has (18: no period lock; 16/17: no sale, purchase or hard lock).
    public func availableFields() async throws -> [LockDateField] {
        let known = try await client.fieldsGet("res.company", attributes: ["type"])
        return LockDateField.allCases.filter { known[$0.odooField] != nil }
    }

    /// The company's lock dates as Odoo holds them now (a lock set after the pull counts).
    public func read(companyID: Int) async throws -> LockDates {
        let fields = try await availableFields()
        guard let row = try await client.read("res.company", ids: [companyID], fields: fields.map(\.odooField)).first else {
            throw OdooError.missingRecord("res.company \(companyID)")
        }
        let record = OdooRecord(model: "res.company", values: row)
        var dates = LockDates()
        for field in fields { dates[field] = record.optionalDate(field.odooField) }
        return dates
    }

    /// Sets the given lock dates in one write; Odoo checks them (no draft entries before a hard lock,
    /// no unreconciled statement lines before a fiscal-year lock, a hard lock never moves back).
    public func write(_ dates: [LockDateField: LocalDate], companyID: Int) async throws {
        var values = RPCStruct()
        for (field, date) in dates { values[field.odooField] = .string(date.description) }
        try await client.write("res.company", ids: [companyID], values)
    }
}
