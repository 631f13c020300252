@testable import CloseSettings
import Testing
import OdooRPC

@Suite struct SettingsTests {
    let yaml = """
        odoo:
          url: https://file.example.com
          database: from_file
          user: file_user
        pull:
          history_months: 6
        """

    @Test func flagBeatsEnvironmentBeatsFileBeatsDefault() throws {
        let file = try ConfigFile(path: "closer.yaml", text: yaml, known: Set(Setting.all.map(\.key)))
        let resolver = SettingsResolver(flags: [.odooDatabase: "from_flag"],
                                        environment: ["CLOSER_ODOO_DB": "from_env", "CLOSER_ODOO_USER": "env_user"], file: file)
        #expect(resolver.value(.odooDatabase)?.value == "from_flag")
        #expect(resolver.value(.odooDatabase)?.origin == .flag)
        #expect(resolver.value(.odooUser)?.value == "env_user")
        #expect(resolver.value(.odooURL)?.origin == .file)
        #expect(resolver.string(.historyMonths) == "6")
        #expect(resolver.string(.pageSize, default: "2000") == "2000")
    }

    @Test func everyMissingSettingIsListedAtOnce() {
        let resolver = SettingsResolver(flags: [:], environment: [:], file: nil)
        #expect(throws: SettingsError(missing: [.odooURL, .odooDatabase, .odooUser, .odooPassword], invalid: [])) {
            try OdooSettings(resolving: resolver)
        }
        let message = String(describing: SettingsError(missing: [.odooURL, .odooPassword], invalid: []))
        #expect(message.contains("--url") && message.contains("CLOSER_ODOO_URL") && message.contains("CLOSER_ODOO_PASSWORD"))
    }

    @Test func invalidValuesAreNamedTogetherWithMissingOnes() {
        let resolver = SettingsResolver(flags: [.odooURL: "ftp://x", .pageSize: "-3", .odooProtocol: "soap"],
                                        environment: ["CLOSER_ODOO_PASSWORD": "secret"], file: nil)
        do {
            _ = try OdooSettings(resolving: resolver)
            Issue.record("expected a settings error")
        } catch let error as SettingsError {
            #expect(error.missing == [.odooDatabase, .odooUser])
            #expect(error.invalid.count == 3)
            #expect(!String(describing: error).contains("secret"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func anAPIKeyReplacesThePassword() throws {
        let resolver = SettingsResolver(flags: [.odooURL: "https://erp.example.com", .odooDatabase: "prod", .odooUser: "bot"],
                                        environment: ["CLOSER_ODOO_API_KEY": "k-123", "CLOSER_ODOO_PROTOCOL": "json2"], file: nil)
        let settings = try OdooSettings(resolving: resolver)
        #expect(settings.endpoint.rpcProtocol == .json2)
        #expect(!String(describing: settings.endpoint.credential).contains("k-123"))
    }

    @Test func aTypoInTheConfigFileNamesFileLineAndKey() {
        let text = "odoo:\n  url: https://x\n  pasword: oops\n"
        do {
            _ = try ConfigFile(path: "closer.yaml", text: text, known: Set(Setting.all.map(\.key)))
            Issue.record("expected an error")
        } catch let error as ConfigFileError {
            #expect(error.line == 3)
            #expect(error.description.hasPrefix("closer.yaml:3: key 'odoo.pasword'"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func brokenYAMLIsReportedWithItsLine() {
        #expect(throws: ConfigFileError.self) {
            try ConfigFile(path: "c.yaml", text: "odoo:\n  url: [unclosed\n", known: Set(Setting.all.map(\.key)))
        }
    }
}
