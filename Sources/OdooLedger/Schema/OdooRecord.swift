public import Foundation
public import Ledger
public import OdooRPC

/// Typed, erroring access to one record of a search_read answer.
public struct OdooRecord {
    public let model: String
    public let values: RPCStruct

    public init(model: String, values: RPCStruct) {
        self.model = model
        self.values = values
    }

    public var id: Int? { values["id"]?.int }

    public func fail(_ field: String, _ problem: String) -> OdooMappingError {
        OdooMappingError(model: model, recordID: id, field: field, problem: problem)
    }

    public func int(_ field: String) throws -> Int {
        guard let value = values[field]?.int else { throw fail(field, "no integer") }
        return value
    }

    public func string(_ field: String) throws -> String {
        guard let value = values[field]?.stringValue else { throw fail(field, "no text") }
        return value
    }

    /// Odoo sends `false` for empty char fields.
    public func optionalString(_ field: String) -> String? {
        guard let value = values[field]?.stringValue, !value.isEmpty else { return nil }
        return value
    }

    public func bool(_ field: String) -> Bool { values[field]?.boolValue ?? false }

    public func many2oneID(_ field: String) throws -> Int {
        guard let pair = values[field]?.many2one else { throw fail(field, "no linked record") }
        return pair.id
    }

    public func optionalMany2one(_ field: String) -> (id: Int, name: String)? { values[field]?.many2one }

    public func ids(_ field: String) -> [Int] { values[field]?.arrayValue?.compactMap(\.int) ?? [] }

    public func date(_ field: String) throws -> LocalDate {
        guard let date = optionalDate(field) else { throw fail(field, "no date") }
        return date
    }

    public func optionalDate(_ field: String) -> LocalDate? { values[field]?.stringValue.flatMap { LocalDate(iso: $0) } }

    public func timestamp(_ field: String) throws -> Timestamp {
        guard let text = values[field]?.stringValue ?? values[field].flatMap({ if case .dateTime(let t) = $0 { t } else { nil } }),
              let value = Timestamp(odoo: text) else { throw fail(field, "no timestamp") }
        return value
    }

    /// Monetary fields arrive as floats; the lexical text is rounded once, exactly, to the currency's scale.
    public func money(_ field: String, in currency: Currency) throws -> Money {
        guard let number = values[field]?.numberValue else {
            if values[field]?.isFalse == true { return currency.zero }
            throw fail(field, "no amount")
        }
        return currency.money(number.minorUnits(scale: currency.decimalPlaces))
    }

    /// Quantities, prices and rates arrive as floats; kept as the exact decimal of their wire text. Empty (`false`) is zero.
    public func decimal(_ field: String) throws -> Decimal {
        guard let number = values[field]?.numberValue else {
            if values[field]?.isFalse == true { return 0 }
            throw fail(field, "no number")
        }
        return Decimal(sign: number.mantissa < 0 ? .minus : .plus, exponent: Int(number.exponent), significand: Decimal(number.mantissa.magnitude))
    }

    public func selection<Value: OdooSelection>(_ field: String, as type: Value.Type) -> Value? {
        optionalString(field).map(Value.init(rawValue:))
    }

    public func user(_ field: String) -> UserRef? { optionalMany2one(field).map { UserRef(id: $0.id, name: $0.name) } }

    /// analytic_distribution: {"12": 100.0} or {"12,31": 50.0, ...}, or false.
    public func analytic(_ field: String) -> AnalyticDistribution? {
        guard let distribution = values[field]?.structValue, !distribution.isEmpty else { return nil }
        return AnalyticDistribution(distribution.map { key, value in
            AnalyticDistribution.Share(accountIDs: key.split(separator: ",").compactMap { Int($0) },
                                       percent: value.numberValue.flatMap { Decimal(string: $0.text) } ?? 0)
        })
    }
}
