import Foundation

/// A Swift value the store writes and reads back: queries' arguments and rows' columns go through it, whichever the engine.
protocol StoreValueConvertible {
    var storeValue: StoreValue { get }
    /// Nil when the stored value is NULL or of a kind this type cannot be read from.
    static func fromStoreValue(_ value: StoreValue) -> Self?
}

extension Int64: StoreValueConvertible {
    var storeValue: StoreValue { .integer(self) }

    static func fromStoreValue(_ value: StoreValue) -> Int64? {
        switch value {
        case .integer(let integer): integer
        case .real(let real): Int64(exactly: real)
        case .text(let text): Int64(text)
        case .null, .blob: nil
        }
    }
}

extension Int: StoreValueConvertible {
    var storeValue: StoreValue { .integer(Int64(self)) }

    static func fromStoreValue(_ value: StoreValue) -> Int? { Int64.fromStoreValue(value).flatMap { Int(exactly: $0) } }
}

/// Stored as 0 and 1, as SQLite does, so flags compare the same way on both engines.
extension Bool: StoreValueConvertible {
    var storeValue: StoreValue { .integer(self ? 1 : 0) }

    static func fromStoreValue(_ value: StoreValue) -> Bool? { Int64.fromStoreValue(value).map { $0 != 0 } }
}

extension Double: StoreValueConvertible {
    var storeValue: StoreValue { .real(self) }

    static func fromStoreValue(_ value: StoreValue) -> Double? {
        switch value {
        case .integer(let integer): Double(integer)
        case .real(let real): real
        case .text(let text): Double(text)
        case .null, .blob: nil
        }
    }
}

extension String: StoreValueConvertible {
    var storeValue: StoreValue { .text(self) }

    static func fromStoreValue(_ value: StoreValue) -> String? {
        switch value {
        case .text(let text): text
        case .integer(let integer): String(integer)
        case .real(let real): String(real)
        case .blob(let data): String(data: data, encoding: .utf8)
        case .null: nil
        }
    }
}

extension Data: StoreValueConvertible {
    var storeValue: StoreValue { .blob(self) }

    static func fromStoreValue(_ value: StoreValue) -> Data? {
        switch value {
        case .blob(let data): data
        case .text(let text): Data(text.utf8)
        case .null, .integer, .real: nil
        }
    }
}
