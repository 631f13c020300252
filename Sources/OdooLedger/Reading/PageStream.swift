import Ledger
import OdooRPC

/// Reads one model of a pull page by page: maps each page to Ledger values with the currencies known so far, notes
/// what the pull must remember of it (the partners named, the newest write) and hands the values on. The page's raw
/// records are dropped with it, so a pull holds only the pages in flight.
struct PageStream: Sendable {
    let reader: OdooLedgerReader
    let currencies: PulledCurrencies
    let tally = PullTally()

    func pages<Record: NamesPartner>(
        _ model: String, domain: [RPCValue], fields: [String], map: @escaping @Sendable (OdooLedgerMapping, OdooRecord) throws -> Record,
        deliver: @escaping @Sendable ([Record]) async throws -> Void
    ) async throws {
        var pageProgress: (@Sendable (Int) -> Void)?
        if let progress = reader.progress { pageProgress = { count in progress(model, count) } }
        try await reader.client.searchReadPages(model, domain: domain, fields: reader.schema.available(fields, on: model),
                                                progress: pageProgress) { page in
            let records = page.map { OdooRecord(model: model, values: $0) }
            let mapping = try await currencies.mapping(for: PulledCurrencies.named(by: records))
            let values = try records.map { try map(mapping, $0) }
            tally.note(writes: records.compactMap { try? $0.timestamp("write_date") }, partners: values.compactMap(\.partnerID))
            try await deliver(values)
        }
    }
}
