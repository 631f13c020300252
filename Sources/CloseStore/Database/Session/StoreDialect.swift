/// The store's two engines. Queries are written once in SQLite's dialect; the few places the engines differ ask which.
enum StoreDialect: Sendable {
    case sqlite
    case postgres

    /// The head of an insert that replaces the rows whose keys it meets: SQLite's INSERT OR REPLACE (which deletes them, and
    /// what cascades from them, first). PostgreSQL has no such statement: there the caller deletes those rows itself first.
    var insertReplacing: String {
        switch self {
        case .sqlite: "INSERT OR REPLACE"
        case .postgres: "INSERT"
        }
    }

    /// The values of `expression` over a group, joined by commas.
    func commaJoined(_ expression: String) -> String {
        switch self {
        case .sqlite: "group_concat(\(expression))"
        case .postgres: "string_agg(\(expression), ',')"
        }
    }

    /// The smaller of two values (SQLite's two-argument MIN).
    func lesser(_ first: String, _ second: String) -> String {
        switch self {
        case .sqlite: "MIN(\(first), \(second))"
        case .postgres: "LEAST(\(first), \(second))"
        }
    }

    /// The larger of two values (SQLite's two-argument MAX).
    func greater(_ first: String, _ second: String) -> String {
        switch self {
        case .sqlite: "MAX(\(first), \(second))"
        case .postgres: "GREATEST(\(first), \(second))"
        }
    }

    /// The elements of the JSON array at `key` of the JSON text `column`, as a table whose rows are `jsonField`'s elements.
    func jsonArray(_ column: String, key: String) -> String {
        switch self {
        case .sqlite: "json_each(\(column), '$.\(key)')"
        case .postgres: "jsonb_array_elements(\(column)::jsonb -> '\(key)')"
        }
    }

    /// The value at `key` of an element of `jsonArray`, named by its table alias, in a form both sides of `=` share.
    func jsonField(_ element: String, key: String) -> String {
        switch self {
        case .sqlite: "json_extract(\(element).value, '$.\(key)')"
        case .postgres: "\(element).value ->> '\(key)'"
        }
    }

    /// Where the text `needle` first occurs in `haystack`, from 1; 0 when it does not.
    func position(of needle: String, in haystack: String) -> String {
        switch self {
        case .sqlite: "instr(\(haystack), \(needle))"
        case .postgres: "strpos(\(haystack), \(needle))"
        }
    }

    /// The part of the text `expression` before the first `separator` (a character other than a quote).
    func prefix(of expression: String, before separator: Character) -> String {
        switch self {
        case .sqlite: "substr(\(expression), 1, \(position(of: "'\(separator)'", in: expression)) - 1)"
        case .postgres: "split_part(\(expression), '\(separator)', 1)"
        }
    }
}
