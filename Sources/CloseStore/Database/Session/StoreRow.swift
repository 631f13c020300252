/// One row of a query's result, read by column name or position, whichever the engine.
struct StoreRow {
    let source: any StoreRowSource

    /// The column's value; the column must exist and not be NULL (a broken query or schema is a bug, as in GRDB).
    subscript<Value: StoreValueConvertible>(_ column: String) -> Value {
        Self.required(source.value(named: column), column)
    }

    /// The column's value, nil when it is NULL.
    subscript<Value: StoreValueConvertible>(_ column: String) -> Value? {
        Value.fromStoreValue(source.value(named: column))
    }

    subscript<Value: StoreValueConvertible>(_ index: Int) -> Value {
        Self.required(source.value(at: index), "#\(index)")
    }

    subscript<Value: StoreValueConvertible>(_ index: Int) -> Value? {
        Value.fromStoreValue(source.value(at: index))
    }

    private static func required<Value: StoreValueConvertible>(_ value: StoreValue, _ column: String) -> Value {
        guard let decoded = Value.fromStoreValue(value) else {
            preconditionFailure("the store's column \(column) holds \(value), not a \(Value.self)")
        }
        return decoded
    }
}

/// What an engine's row gives `StoreRow`.
protocol StoreRowSource {
    func value(named column: String) -> StoreValue
    func value(at index: Int) -> StoreValue
}

/// A row read ahead of time: PostgreSQL's, decoded once into the store's values. As with SQLite's rows, a column's name
/// matches whatever its case, and a column the query does not have reads as NULL.
struct StoreValuesRow: StoreRowSource {
    /// Lower-cased names; the leftmost of equal names wins.
    let columns: [String: Int]
    let values: [StoreValue]

    func value(named column: String) -> StoreValue {
        columns[column.lowercased()].map { values[$0] } ?? .null
    }

    func value(at index: Int) -> StoreValue { values[index] }
}
