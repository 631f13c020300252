/// Which journal lines `loadSnapshot` reads. A command that needs only some of a ledger's lines says so, and a
/// ten-million-line company is not held whole in memory for it.
public enum LedgerLineSelection: Sendable {
    case all
    /// What bank matching reads: lines on reconcilable accounts (the open items), lines carrying a matching
    /// number (what settled what), and every line of a bank statement line's entry (where its difference went).
    case bankMatching

    /// The condition on `move_line` rows, after `WHERE company_id = …`.
    func condition(companyID: Int64) -> String {
        switch self {
        case .all:
            ""
        case .bankMatching:
            " AND (account_id IN (SELECT odoo_id FROM account WHERE company_id = \(companyID) AND reconcile = 1)"
                + " OR matching_number IS NOT NULL OR move_id IN (SELECT move_id FROM statement_line WHERE company_id = \(companyID)))"
        }
    }
}
