@testable import CloseStore
import Testing

/// The rewriting of the store's SQLite-dialect statements for PostgreSQL: pure, no server needed.
@Suite struct PostgresStatementTextTests {
    @Test func placeholdersAreNumberedOutsideQuotesAndComments() {
        #expect(PostgresStatementText.numbered("SELECT * FROM t WHERE a = ? AND b = '?' AND \"c?\" = ? -- why?\nLIMIT ?")
            == "SELECT * FROM t WHERE a = $1 AND b = '?' AND \"c?\" = $2 -- why?\nLIMIT $3")
    }

    @Test func aNumberedPlaceholderNamesItsArgumentAndABareOneFollowsTheHighest() {
        #expect(PostgresStatementText.numbered("WHERE company_id = ?1 AND odoo_id = (SELECT move_id FROM l WHERE company_id = ?1 AND odoo_id = ?)")
            == "WHERE company_id = $1 AND odoo_id = (SELECT move_id FROM l WHERE company_id = $1 AND odoo_id = $2)")
    }

    @Test func insertOrIgnoreBecomesOnConflictDoNothing() {
        #expect(PostgresStatementText.translated("INSERT OR IGNORE INTO finding (a, b) VALUES (?, ?);\n")
            == "INSERT INTO finding (a, b) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        #expect(PostgresStatementText.translated("INSERT INTO run (kind) VALUES (?)") == "INSERT INTO run (kind) VALUES ($1)")
    }

    @Test func aScriptSplitsAtSemicolonsButNotInsideAFunctionBodyOrText() {
        let script = """
            CREATE TABLE a (x TEXT DEFAULT ';');
            CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no; never'; END; $$;
            -- a comment; with a semicolon
            CREATE TRIGGER g BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION f()
            """
        let statements = PostgresStatementText.statements(in: script)
        #expect(statements.count == 3)
        #expect(statements[1].contains("RAISE EXCEPTION 'no; never'; END; $$"))
        #expect(statements[2].contains("CREATE TRIGGER g"))
    }
}
