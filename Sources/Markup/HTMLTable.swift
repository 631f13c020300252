/// A table of the close package's HTML page. Every cell's text is escaped here, so no section can
/// forget to; amounts are right-aligned.
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

    public var html: String {
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { column, text in
                let number = numericColumns.contains(column) ? " class=\"num\"" : ""
                return "<\(tag)\(number)>\(text.htmlEscaped)</\(tag)>"
            }.joined()
        }
        var html = "<table><thead><tr>" + cells(headers, tag: "th") + "</tr></thead><tbody>"
        for row in rows {
            switch row {
            case .cells(let row): html += "<tr>" + cells(row, tag: "td") + "</tr>"
            case .heading(let title): html += "<tr class=\"group\"><td colspan=\"\(headers.count)\">\(title.htmlEscaped)</td></tr>"
            }
        }
        html += "</tbody>"
        if !footer.isEmpty { html += "<tfoot>" + footer.map { "<tr>" + cells($0, tag: "td") + "</tr>" }.joined() + "</tfoot>" }
        return html + "</table>\n"
    }
}
