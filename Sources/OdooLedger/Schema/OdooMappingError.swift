/// A record came back from Odoo in a shape Closer cannot map, e.g. a required field missing or false.
public struct OdooMappingError: Error, CustomStringConvertible, Equatable {
    public var model: String
    public var recordID: Int?
    public var field: String
    public var problem: String

    public var description: String {
        "Odoo returned \(model)" + (recordID.map { " id \($0)" } ?? "") + " with \(problem) in field '\(field)'. "
            + "Check that the user can read this field, or report the Odoo version and module list to the Closer team."
    }
}
