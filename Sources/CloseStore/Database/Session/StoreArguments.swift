/// A query's positional arguments (`?` in the SQL, in order), whichever the engine.
struct StoreArguments: Sendable, ExpressibleByArrayLiteral {
    var values: [StoreValue]

    init(_ values: [StoreValue] = []) {
        self.values = values
    }

    init(arrayLiteral elements: (any StoreValueConvertible)?...) {
        values = elements.map { $0?.storeValue ?? .null }
    }

    static func += (arguments: inout StoreArguments, more: StoreArguments) {
        arguments.values += more.values
    }

    static func + (arguments: StoreArguments, more: StoreArguments) -> StoreArguments {
        StoreArguments(arguments.values + more.values)
    }
}
