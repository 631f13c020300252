import Foundation
import Ledger
import Testing

@Suite struct SourceKeyTests {
    @Test func anOdooKeyNamesItsServerDatabaseAndCompany() {
        let key = SourceKey.odoo(url: "https://erp.example.com/", database: "prod db", companyID: 12)
        #expect(key.text == "odoo:https://erp.example.com/#prod db/company=12")
        #expect(key.companyID == 12)
        #expect(key.odooDatabase?.url == "https://erp.example.com/" && key.odooDatabase?.database == "prod db")
    }

    @Test func demoKeysKeepTheTextStoresAlreadyHold() {
        #expect(SourceKey.demo("northwind", seed: 42).text == "demo:northwind/seed=42")
        #expect(SourceKey.demo("northwind", seed: 42).companyID == nil)
        #expect(SourceKey.demo("northwind-group", seed: 7, companyID: 2).text == "demo:northwind-group/seed=7/company=2")
        #expect(SourceKey.demo("northwind-group", seed: 7, companyID: 2).companyID == 2)
        #expect(SourceKey.demo("northwind", seed: 42).odooDatabase == nil)
    }

    @Test func itIsWrittenAsPlainTextInJSON() throws {
        let key: SourceKey = "odoo:http://127.0.0.1:8069#closedemo/company=1"
        let data = try JSONEncoder().encode(["source": key])
        #expect(String(decoding: data, as: UTF8.self) == #"{"source":"odoo:http:\/\/127.0.0.1:8069#closedemo\/company=1"}"#)
        #expect(try JSONDecoder().decode([String: SourceKey].self, from: data)["source"] == key)
    }
}
