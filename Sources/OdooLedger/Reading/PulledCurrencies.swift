import Ledger
import OdooRPC

/// The currencies a streamed pull has met: the active ones and the company's from the start, and an archived one read
/// by id the first time a record names it (an entry in a currency the company no longer uses keeps it: read as the
/// company's, its amounts would be wrong). Each is told to the sink before any record in it is mapped.
actor PulledCurrencies {
    private let client: OdooClient
    private let company: Company
    private let sink: any LedgerSink
    private var known: [Int: Currency] = [:]
    private(set) var all: [Currency] = []
    /// Ids already asked of Odoo, found or not: never asked twice.
    private var asked: Set<Int> = []
    /// The newest read of archived currencies; each waits for the one before, so awaiting it awaits them all.
    private var reading: Task<Void, any Error>?

    init(client: OdooClient, company: Company, active: [Currency], sink: any LedgerSink) async throws {
        self.client = client
        self.company = company
        self.sink = sink
        try await add(OdooLedgerReader.currencies(active, including: company.currency))
    }

    /// The currency ids a page of records names (currency_id, foreign_currency_id).
    nonisolated static func named(by records: [OdooRecord]) -> Set<Int> {
        Set(records.flatMap { record in ["currency_id", "foreign_currency_id"].compactMap { record.optionalMany2one($0)?.id } })
    }

    /// The mapping for a page whose records name the currencies `named`, once each of them is known.
    func mapping(for named: Set<Int>) async throws -> OdooLedgerMapping {
        let missing = named.subtracting(asked)
        if !missing.isEmpty {
            asked.formUnion(missing)
            let earlier = reading
            reading = Task {
                try await earlier?.value
                try await self.read(ids: missing.sorted())
            }
        }
        try await reading?.value
        return OdooLedgerMapping(company: company, currencies: known)
    }

    private func read(ids: [Int]) async throws {
        try await add(try await client.read("res.currency", ids: ids, fields: OdooFieldLists.currency)
            .map { try OdooLedgerMapping.currency(OdooRecord(model: "res.currency", values: $0)) })
    }

    private func add(_ currencies: [Currency]) async throws {
        let new = currencies.filter { known[$0.id] == nil }
        for currency in new { known[currency.id] = currency }
        asked.formUnion(new.map(\.id))
        all += new
        if !new.isEmpty { try await sink.receive(currencies: new) }
    }
}
