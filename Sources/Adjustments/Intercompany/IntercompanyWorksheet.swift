import Ledger

/// The elimination worksheet for a group without a consolidation company in Odoo: one CSV row
/// per compared balance and period flow, for a spreadsheet consolidation.
public enum IntercompanyWorksheet {
    public static let header = ["pair", "account", "scope", "currency", "side_a", "side_b", "difference", "elimination", "status"]

    public static func csv(_ rows: [EliminationRow]) -> String {
        let lines = rows.map { row in
            let comparison = row.comparison
            let currency = (comparison.sellerAmount ?? comparison.buyerAmount).map { $0.currency.description } ?? ""
            return [comparison.pair, comparison.measure.title, comparison.scope.rawValue, currency,
                    comparison.sellerAmount?.decimalText ?? "", comparison.buyerAmount?.decimalText ?? "",
                    comparison.difference?.decimalText ?? "", row.elimination?.decimalText ?? "", row.outcome.rawValue]
        }
        return ([header] + lines).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.flatMap { $0 == "\"" ? "\"\"" : String($0) } + "\""
    }
}
