import Foundation
import Ledger
@testable import OdooLedger
import OdooRPC
import Testing

/// Maps the records a real Odoo 18 returned (recorded transcripts) into Ledger values.
@Suite struct TranscriptMappingTests {
    static let transcripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("OdooRPCTests/Fixtures/transcripts")

    static func records(_ name: String, model: String) throws -> [OdooRecord] {
        let body = try [UInt8](Data(contentsOf: transcripts.appendingPathComponent(name)))
        let value = try OdooWire.decodeXMLRPCResponse(body)
        return (value.arrayValue ?? []).compactMap(\.structValue).map { OdooRecord(model: model, values: $0) }
    }

    let usd = Currency(id: 1, code: .usd, decimalPlaces: 2)
    var mapping: OdooLedgerMapping {
        OdooLedgerMapping(company: Company(id: 1, name: "YourCompany", currency: usd), currencies: [1: usd])
    }

    @Test func journalLinesMapExactly() throws {
        let lines = try Self.records("xmlrpc-06-search-read-lines.response.xml", model: "account.move.line").map(mapping.line)
        #expect(lines.count == 25)
        let first = try #require(lines.first { $0.id == 18 })
        #expect(first.moveID == 10 && first.accountID == 33 && first.partnerID == 15)
        #expect(first.label == "[FURN_7777] Office Chair")
        #expect(first.debit.minorUnits == 0 && first.credit.minorUnits == 1000)
        #expect(first.balance.minorUnits == -1000)
        #expect(first.kind == .product && first.analytic == nil && first.matchingNumber == nil)
        // Every move in the transcript balances to the cent once amounts are exact.
        for (move, group) in Dictionary(grouping: lines, by: \.moveID) {
            let total = group.reduce(Int64(0)) { $0 + $1.debit.minorUnits - $1.credit.minorUnits }
            #expect(total == 0, "move \(move) is off by \(total) cents")
        }
    }

    @Test func statementLinesMapExactly() throws {
        let lines = try Self.records("xmlrpc-07-statement-lines.response.xml", model: "account.bank.statement.line")
            .map(mapping.statementLine)
        #expect(lines.count == 8)
        #expect(lines.contains { $0.amount.minorUnits == 9667 })
        #expect(lines.allSatisfy { !$0.isReconciled && $0.journalID == 6 })
        #expect(lines.allSatisfy { $0.foreignAmount == nil })
    }

    @Test func aMissingRequiredFieldNamesModelRecordAndField() throws {
        let broken = OdooRecord(model: "account.move.line", values: ["id": 7, "move_id": false])
        #expect(throws: OdooMappingError(model: "account.move.line", recordID: 7, field: "move_id", problem: "no linked record")) {
            try mapping.line(broken)
        }
    }

    @Test func analyticDistributionsKeepExactPercentages() {
        let record = OdooRecord(model: "account.move.line", values: [
            "analytic_distribution": .structure(["12": .double(WireNumber(text: "33.33")!), "12,31": .double(WireNumber(text: "66.67")!)]),
        ])
        let distribution = record.analytic("analytic_distribution")
        #expect(distribution?.totalPercent == 100)
        #expect(distribution?.shares.contains { $0.accountIDs == [12, 31] } == true)
    }

    @Test func fieldsGetDecidesTheLockDateFields() throws {
        let body = try [UInt8](Data(contentsOf: Self.transcripts.appendingPathComponent("xmlrpc-12-company-lock-dates.response.xml")))
        let company = try #require(OdooWire.decodeXMLRPCResponse(body).arrayValue?.first?.structValue)
        let odoo18 = OdooSchema(version: OdooServerVersion(serverVersion: "18.0", major: 18, minor: 0, serie: "18.0", isSaaS: false),
                                fieldsByModel: ["res.company": Set(company.keys)])
        #expect(odoo18.lockDateFields.contains("hard_lock_date"))
        #expect(!odoo18.lockDateFields.contains("period_lock_date"))
        let odoo16 = OdooSchema(version: OdooServerVersion(serverVersion: "16.0", major: 16, minor: 0, serie: "16.0", isSaaS: false),
                                fieldsByModel: ["res.company": ["fiscalyear_lock_date", "tax_lock_date", "period_lock_date"],
                                                "account.account": ["company_id"]])
        #expect(odoo16.lockDateFields == ["fiscalyear_lock_date", "tax_lock_date", "period_lock_date"])
        #expect(odoo16.companyDomain(for: "account.account", companyID: 3) == ["company_id", "=", 3])
    }
}

@Suite struct WebLinkTests {
    @Test func linksOpenTheRecordInTheRightDatabase() {
        let key: SourceKey = "odoo:https://erp.example.com/#prod db/company=1"
        #expect(OdooLedgerSource.webLink(sourceKey: key, model: "account.move", id: 42)
                == "https://erp.example.com/web?db=prod%20db#model=account.move&id=42&view_type=form")
        #expect(OdooLedgerSource.webLink(sourceKey: "demo:northwind/seed=42", model: "account.move", id: 1) == nil)
    }
}
