/// The import could not run at all (as opposed to a record Odoo refused, which becomes a warning).
public struct OdooLedgerImportError: Error, CustomStringConvertible, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
