/// A table of the close package's HTML page. Cells are text that `HTML` escapes as it interpolates
/// them, so no section can forget to; amounts are right-aligned.
public struct HTMLTable {
    public enum Row {
        case cells([String])
        case heading(String)
    }

    public var headers: [String]
    /// Which columns hold amounts or counts.
    public var numericColumns: Set<Int>
    /// Body rows, each either cells or a heading across the table (a family of accounts).
    public var rows: [Row] = []
    /// Rows set in bold after the body: totals.
    public var footer: [[String]] = []

    public init(_ headers: [String], numericColumns: Set<Int> = []) {
        self.headers = headers
        self.numericColumns = numericColumns
    }

    public mutating func add(_ row: [String]) { rows.append(.cells(row)) }
    public mutating func heading(_ title: String) { rows.append(.heading(title)) }
    public mutating func total(_ row: [String]) { footer.append(row) }

    public var html: HTML {
        let body = rows.map { row -> HTML in
            switch row {
            case .cells(let cells): self.row(cells)
            case .heading(let title): "<tr class=\"group\"><td colspan=\"\(headers.count)\">\(title)</td></tr>"
            }
        }
        let foot: HTML = footer.isEmpty ? "" : "<tfoot>\(footer.map { row($0) })</tfoot>"
        return "<table><thead>\(row(headers, tag: "th"))</thead><tbody>\(body)</tbody>\(foot)</table>\n"
    }

    private func row(_ cells: [String], tag: HTML = "td") -> HTML {
        let cells = cells.enumerated().map { column, text -> HTML in
            let number: HTML = numericColumns.contains(column) ? " class=\"num\"" : ""
            return "<\(tag)\(number)>\(text)</\(tag)>"
        }
        return "<tr>\(cells)</tr>"
    }
}
