import CloseSettings
import Foundation
import Ledger
import Testing

/// The firm's tenants file: each tenant's Odoo, with its secret named (never written), checked whole.
@Suite struct TenantsFileTests {
    static let text = """
        tenants:
          acme:
            odoo:
              url: https://acme.odoo.example
              database: acme
              user: closer@firm.example
              api_key_env: ACME_ODOO_KEY
              max_concurrent_calls: 2
            mode: audit
            owner: anna
            calendar: monthly, 5th working day
          globex-eu:
            odoo:
              url: http://10.0.0.7:8069
              database: globex
              user: admin
              password_file: secrets/globex
            rules: rules/globex.yaml
        """

    @Test func readsEveryTenantWithItsSecretNamedAndPathsBesideTheFile() throws {
        let file = try TenantsFile(path: "/etc/closer/tenants.yaml", text: Self.text)
        #expect(file.tenants.map(\.id) == ["acme", "globex-eu"])
        let acme = try file.tenant("acme")
        #expect(acme.settings == ["odoo.url": "https://acme.odoo.example", "odoo.database": "acme", "odoo.user": "closer@firm.example",
                                  "odoo.max_concurrent_calls": "2", "mode": "audit"])
        #expect(acme.secret == TenantSecret(kind: .apiKey, place: .environment("ACME_ODOO_KEY")))
        #expect(acme.owner == "anna" && acme.calendar == CloseCalendar(deadlineWorkingDay: 5) && acme.rules == nil)
        #expect(acme.odooHost == "acme.odoo.example")
        let globex = try file.tenant("globex-eu")
        #expect(globex.secret == TenantSecret(kind: .password, place: .file("/etc/closer/secrets/globex")))
        #expect(globex.rules == "/etc/closer/rules/globex.yaml")
        #expect(throws: TenantsFileError.self) { try file.tenant("initech") }
    }

    @Test func theSecretIsReadWhenUsedAndOnlyFromWhereTheFileSays() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tenants-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("secrets"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try TenantsFile(path: folder.appendingPathComponent("tenants.yaml").path, text: Self.text)

        let acme = try file.tenant("acme").resolver(environment: ["ACME_ODOO_KEY": "k-123", "CLOSER_ODOO_PASSWORD": "not this"])
        #expect(acme.string(.odooAPIKey) == "k-123" && acme.string(.odooPassword) == nil)
        #expect(acme.string(.odooURL) == "https://acme.odoo.example")
        let unset = #expect(throws: TenantsFileError.self) { try file.tenant("acme").resolver(environment: [:]) }
        #expect(unset?.message.contains("ACME_ODOO_KEY") == true && unset?.message.contains("acme") == true)

        #expect(throws: TenantsFileError.self, "no secret file yet") { try file.tenant("globex-eu").resolver(environment: [:]) }
        try Data("s3cret\n".utf8).write(to: folder.appendingPathComponent("secrets/globex"))
        #expect(try file.tenant("globex-eu").resolver(environment: [:]).string(.odooPassword) == "s3cret")
    }

    @Test func refusesSecretsInClearAndTenantsItCannotReach() {
        func problem(_ text: String) -> String? {
            #expect(throws: TenantsFileError.self) { try TenantsFile(path: "t.yaml", text: text) }?.message
        }
        let clear = problem("tenants:\n  acme:\n    odoo:\n      url: https://a\n      database: a\n      user: u\n      password: hunter2\n")
        #expect(clear?.contains("in clear") == true && clear?.contains("hunter2") == false)
        #expect(problem("tenants:\n  acme:\n    odoo:\n      url: https://a\n      database: a\n      user: u\n")?.contains("exactly one of") == true)
        #expect(problem("tenants:\n  acme:\n    odoo:\n      url: https://a\n      database: a\n      password_env: P\n")?.contains("lacks odoo.user") == true)
        #expect(problem("tenants:\n  Acme Corp:\n    odoo:\n      url: https://a\n      database: a\n      user: u\n      password_env: P\n")?
            .contains("lower-case") == true)
        #expect(problem("tenants:\n  acme:\n    odoo:\n      url: https://a\n      database: a\n      user: u\n      password_env: P\n    colour: red\n")?
            .contains("colour") == true)
        #expect(problem("clients:\n  acme: {}\n")?.contains("expected one key, tenants") == true)
        #expect(problem("tenants:\n  acme:\n    odoo:\n      url: https://a\n      database: a\n      user: u\n      password_env: P\n    calendar: quarterly\n")?
            .contains("'monthly, 5th working day'") == true)
    }

    @Test func aCalendarSaysWhichMonthIsUnderWayAndWhenItsCloseIsDue() throws {
        #expect(CloseCalendar(parsing: "Monthly, 3rd working day") == CloseCalendar(deadlineWorkingDay: 3))
        #expect(CloseCalendar(parsing: "monthly, 12th working day")?.description == "monthly, 12th working day")
        #expect(CloseCalendar(parsing: "monthly, 22nd working day")?.description == "monthly, 22nd working day")
        for bad in ["monthly, 0th working day", "monthly, 24th working day", "monthly, fifth working day", "weekly, 5th working day", "monthly"] {
            #expect(CloseCalendar(parsing: bad) == nil, "\(bad)")
        }
        let calendar = try #require(CloseCalendar(deadlineWorkingDay: 5))
        let october = try Period(parsing: "2026-10")
        // 31 October 2026 is a Saturday, 1 November a Sunday: the close of October starts on Monday the 2nd.
        #expect(calendar.periodToClose(on: try #require(LocalDate(iso: "2026-11-01"))) == nil)
        #expect(calendar.periodToClose(on: try #require(LocalDate(iso: "2026-11-02"))) == october)
        #expect(calendar.periodToClose(on: try #require(LocalDate(iso: "2026-11-30"))) == october)
        #expect(calendar.deadline(closing: october) == LocalDate(iso: "2026-11-06"))
    }
}
