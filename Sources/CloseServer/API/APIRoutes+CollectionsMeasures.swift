import CloseWorkflows
import Hummingbird

extension APIRoutes {
    var collectionsMeasures: [Route] {
        [
            Route(endpoint: Endpoint(method: .get, path: "/api/v1/collections/measures", operationID: "collectionsMeasures",
                                     summary: "DSO, average days delinquent, CEI and aging of the pulled ledger, every month (the company's or one customer's), and each customer's in the month asked about; read-only.",
                                     access: .reader, parameters: [
                                         Self.sourceParameter,
                                         .init(name: "period", place: .query, description: "The month of the headline and the customer table, YYYY-MM (default: the month of asOf).",
                                               pattern: Self.periodPattern),
                                         .init(name: "customer", place: .query, type: "integer", description: "Only this customer (Odoo's res.partner id).",
                                               format: "int64"),
                                         .init(name: "asOf", place: .query, description: "The day measured, YYYY-MM-DD (default: the last day a customer invoice is dated or settled on, or today if earlier).",
                                               format: "date"),
                                     ], responseSchema: "ReceivablesMeasuresReport")) { request, _ in
                JSONBody(try ReceivablesMeasuresService.report(store: store, sourceKey: try request.sourceKey(in: store), asOf: try request.date("asOf"),
                                                               period: try request.period(), customerID: try request.customerID()))
            },
        ]
    }
}

extension Request {
    /// `customer`: a res.partner id, refused when it is not a whole number.
    func customerID() throws -> Int? {
        try query("customer").map { text in
            guard let id = Int(text), id > 0 else { throw APIError.badParameter("customer", "must be a customer's id (a whole number)") }
            return id
        }
    }
}
