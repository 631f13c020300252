import CloseStore
import CloseWorkflows
import Ledger
import Foundation
import Hummingbird

/// Reading what a request names — the company, the period, filters, a JSON body — with refusals
/// that say which parameter is wrong and how to write it.
extension Request {
    func query(_ name: String) -> String? {
        uri.queryParameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The ledger the request names in `source`, if it names one.
    var namedSourceKey: SourceKey? { query("source").map { SourceKey($0) } }

    /// The ledger the request is about: `source`, or the only one in the store.
    func sourceKey(in store: AppDatabase) throws -> SourceKey {
        try namedSourceKey ?? CheckService.onlySourceKey(in: store)
    }

    func period(_ name: String = "period") throws -> Period? {
        try query(name).map { try Self.period($0, name: name) }
    }

    /// A period named in the query or a body, refused as that parameter when malformed.
    static func period(_ text: String, name: String = "period") throws -> Period {
        do { return try Period(parsing: text) } catch { throw APIError.badParameter(name, "is not a period: write YYYY-MM") }
    }

    /// The day the close is judged on: `asOf`, else today (UTC).
    func asOf() throws -> LocalDate {
        try date("asOf") ?? .todayUTC()
    }

    /// Unlike other parameters, a date given empty is refused: its schema is a date, so "" is no "not given".
    func date(_ name: String) throws -> LocalDate? {
        guard let text = uri.queryParameters.get(name) else { return nil }
        guard let date = LocalDate(iso: text) else { throw APIError.badParameter(name, "is not a date: write YYYY-MM-DD") }
        return date
    }

    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = query(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badParameter(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func pathID(_ context: CloserRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw APIError.badParameter("id", "must be a number") }
        return id
    }

    /// The JSON body as `T`; an empty body reads as `{}` so optional-only bodies may be left out. A
    /// field the endpoint does not know is refused, not ignored: a misspelt "period" in a bulk
    /// approval must not approve every period.
    func json<T: RequestBody>(_ type: T.Type) async throws -> T {
        var request = self
        let buffer = try await request.collectBody(upTo: .max)   // BodyLimitMiddleware already bounded it
        let data = buffer.readableBytes == 0 ? Data("{}".utf8) : Data(buffer.readableBytesView)
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            let unknown = Set(object.keys).subtracting(T.fields)
            guard unknown.isEmpty else {
                throw APIError(.badRequest, code: "malformed_request",
                               "The request body has fields this endpoint does not take (\(unknown.sorted().joined(separator: ", "))); it takes \(T.fields.sorted().joined(separator: ", ")).")
            }
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw APIError(.badRequest, code: "malformed_request",
                           "The request body is not the JSON this endpoint takes (\(Self.problem(error))): see /openapi.json.")
        }
    }

    private static func problem(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "'\(key.stringValue)' is missing"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        default: "not valid JSON"
        }
    }
}

/// A JSON request body, with the fields it takes, so unknown ones can be refused.
protocol RequestBody: Decodable {
    static var fields: Set<String> { get }
}
