public import Ledger

extension AppDatabase {
    /// The Odoo user who created the entry behind each record (an entry, one of its lines, or a bank statement
    /// line), where the stored ledger knows it: whose work a finding on that record is.
    public func entryCreators(sourceKey: SourceKey, records: [RecordRef]) throws -> [RecordRef: Int] {
        try writer.read { db in
            let company = try Self.companyRowID(sourceKey, db)
            var creators: [RecordRef: Int] = [:]
            for record in records {
                let moveQuery = switch record.model {
                case "account.move": "SELECT ?"
                case "account.move.line": "SELECT move_id FROM move_line WHERE company_id = ?1 AND odoo_id = ?"
                case "account.bank.statement.line": "SELECT move_id FROM statement_line WHERE company_id = ?1 AND odoo_id = ?"
                default: ""
                }
                guard !moveQuery.isEmpty else { continue }
                creators[record] = try Int.fetchOne(db, sql: "SELECT created_by_id FROM move WHERE company_id = ?1 AND odoo_id = (\(moveQuery))",
                                                    arguments: [company, record.id])
            }
            return creators
        }
    }
}
