import Foundation
import Ledger
import OdooRPC

/// Typed, erroring access to one record of a search_read answer.
struct OdooRecord {
    let model: String
    let values: RPCStruct

    var id: Int? { values["id"]?.int }

    func fail(_ field: String, _ problem: String) -> OdooMappingError {
        OdooMappingError(model: model, recordID: id, field: field, problem: problem)
    }

    func int(_ field: String) throws -> Int {
        guard let value = values[field]?.int else { throw fail(field, "no integer") }
        return value
    }

    func string(_ field: String) throws -> String {
        guard let value = values[field]?.stringValue else { throw fail(field, "no text") }
        return value
    }

    /// Odoo sends `false` for empty char fields.
    func optionalString(_ field: String) -> String? {
        guard let value = values[field]?.stringValue, !value.isEmpty else { return nil }
        return value
    }

    func bool(_ field: String) -> Bool { values[field]?.boolValue ?? false }

    func many2oneID(_ field: String) throws -> Int {
        guard let pair = values[field]?.many2one else { throw fail(field, "no linked record") }
        return pair.id
    }

    func optionalMany2one(_ field: String) -> (id: Int, name: String)? { values[field]?.many2one }

    func ids(_ field: String) -> [Int] { values[field]?.arrayValue?.compactMap(\.int) ?? [] }

    func date(_ field: String) throws -> LocalDate {
        guard let date = optionalDate(field) else { throw fail(field, "no date") }
        return date
    }

    func optionalDate(_ field: String) -> LocalDate? { values[field]?.stringValue.flatMap { LocalDate(iso: $0) } }

    func timestamp(_ field: String) throws -> Timestamp {
        guard let text = values[field]?.stringValue ?? values[field].flatMap({ if case .dateTime(let t) = $0 { t } else { nil } }),
              let value = Timestamp(odoo: text) else { throw fail(field, "no timestamp") }
        return value
    }

    /// Monetary fields arrive as floats; the lexical text is rounded once, exactly, to the currency's scale.
    func money(_ field: String, in currency: Currency) throws -> Money {
        guard let number = values[field]?.numberValue else {
            if values[field]?.isFalse == true { return currency.zero }
            throw fail(field, "no amount")
        }
        return currency.money(number.minorUnits(scale: currency.decimalPlaces))
    }

    /// Quantities, prices and rates arrive as floats; kept as the exact decimal of their wire text. Empty (`false`) is zero.
    func decimal(_ field: String) throws -> Decimal {
        guard let number = values[field]?.numberValue else {
            if values[field]?.isFalse == true { return 0 }
            throw fail(field, "no number")
        }
        return Decimal(sign: number.mantissa < 0 ? .minus : .plus, exponent: Int(number.exponent), significand: Decimal(number.mantissa.magnitude))
    }

    func selection<Value: OdooSelection>(_ field: String, as type: Value.Type) -> Value? {
        optionalString(field).map(Value.init(rawValue:))
    }

    func user(_ field: String) -> UserRef? { optionalMany2one(field).map { UserRef(id: $0.id, name: $0.name) } }

    /// analytic_distribution: {"12": 100.0} or {"12,31": 50.0, ...}, or false.
    func analytic(_ field: String) -> AnalyticDistribution? {
        guard let distribution = values[field]?.structValue, !distribution.isEmpty else { return nil }
        return AnalyticDistribution(distribution.map { key, value in
            AnalyticDistribution.Share(accountIDs: key.split(separator: ",").compactMap { Int($0) },
                                       percent: value.numberValue.flatMap { Decimal(string: $0.text) } ?? 0)
        })
    }
}
