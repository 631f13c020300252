import Foundation
import Ledger
import SchemaValidation
import Testing
import Treasury

/// The pain.001.001.09 file against ISO 20022's own schema: euros inside SEPA ask for the SEPA service level,
/// another currency does not; names are written in the bank's character set; what cannot be a file is refused in words.
@Suite struct Pain001DocumentTests {
    static let euro = CurrencyCode("EUR")!

    static func batch(currency: CurrencyCode = euro, debtorIBAN: String = "DE89 3704 0044 0532 0130 00",
                      transfers: [(id: String, cents: Int64, holder: String, iban: String, bic: String?, remittance: String)]) throws -> CreditTransferBatch {
        CreditTransferBatch(
            messageID: "CLOSER-RUN-42", createdAt: Timestamp(date: LocalDate(iso: "2026-12-05")!, hour: 9, minute: 30), initiatingParty: "Northwind Components Ltd",
            debtor: PaymentAccount(holder: "Northwind Components Ltd", iban: try IBAN(debtorIBAN), bic: try BIC("COBADEFF")),
            executionDate: LocalDate(iso: "2026-12-07")!,
            transfers: try transfers.map { transfer in
                CreditTransfer(endToEndID: transfer.id, amount: Money(minorUnits: transfer.cents, currency: currency),
                               creditor: PaymentAccount(holder: transfer.holder, iban: try IBAN(transfer.iban), bic: try transfer.bic.map { try BIC($0) }),
                               remittance: transfer.remittance)
            })
    }

    static let sepaBatch = try! batch(transfers: [
        ("CLOSER-42-BILL-501", 123_456, "Müller & Söhne GmbH", "DE02 1203 0000 0000 2020 51", "BYLADEM1001", "BILL/2026/11/0501 INV-7781"),
        ("CLOSER-42-BILL-502", 99, "Łódź Café Sp. z o.o.", "PL61 1090 1014 0000 0712 1981 2874", nil, String(repeating: "invoice 9 ", count: 20)),
        ("CLOSER-42-BILL-503", 5_000_000, "Print <&> Co", "FR14 2004 1010 0505 0001 3M02 606", nil, ""),
    ])

    @Test(.enabled(if: SchemaValidator.xmllint != nil, "skipped: xmllint not installed (apt install libxml2-utils)"))
    func aSEPAFileValidatesAgainstTheOfficialSchema() throws {
        let xml = try Pain001Document.xml(Self.sepaBatch)
        let result = try SchemaValidator.validate(xml, against: "pain.001.001.09.xsd")
        #expect(result.valid, "\(result.output)\n\(xml)")
        #expect(xml.contains("<NbOfTxs>3</NbOfTxs><CtrlSum>51235.55</CtrlSum>"), "\(xml)")
        #expect(xml.contains("<SvcLvl><Cd>SEPA</Cd></SvcLvl>") && xml.contains("<ChrgBr>SLEV</ChrgBr>"))
        #expect(xml.contains("<Nm>Muller + Sohne GmbH</Nm>") && xml.contains("<Nm>Lodz Cafe Sp. z o.o.</Nm>") && xml.contains("<Nm>Print + Co</Nm>"), "\(xml)")
        #expect(xml.contains("<CreDtTm>2026-12-05T09:30:00</CreDtTm>") && xml.contains("<ReqdExctnDt><Dt>2026-12-07</Dt></ReqdExctnDt>"))
        #expect(xml.contains(#"<InstdAmt Ccy="EUR">0.99</InstdAmt>"#) && xml.contains("<BICFI>BYLADEM1001</BICFI>"))
        let remittances = xml.components(separatedBy: "<Ustrd>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(remittances.count == 2 && remittances.allSatisfy { $0.count <= 140 }, "an empty remittance is left out, a long one cut to 140")
    }

    @Test(.enabled(if: SchemaValidator.xmllint != nil, "skipped: xmllint not installed (apt install libxml2-utils)"))
    func anotherCurrencyIsNoSEPATransferAndStillValid() throws {
        let xml = try Pain001Document.xml(try Self.batch(currency: CurrencyCode("GBP")!, debtorIBAN: "GB82 WEST 1234 5698 7654 32", transfers: [
            ("CLOSER-43-BILL-9", 250_000, "Thames Tools Ltd", "GB33 BUKB 2020 1555 5555 55", "BUKBGB22", "INV 4410"),
        ]))
        let result = try SchemaValidator.validate(xml, against: "pain.001.001.09.xsd")
        #expect(result.valid, "\(result.output)")
        #expect(!xml.contains("<SvcLvl>") && xml.contains("<ChrgBr>SHAR</ChrgBr>") && xml.contains(#"<InstdAmt Ccy="GBP">2500.00</InstdAmt>"#))
    }

    @Test(.enabled(if: SchemaValidator.xmllint != nil, "skipped: xmllint not installed (apt install libxml2-utils)"))
    func theSchemaCheckCatchesAWrongFile() throws {
        let wrong = try Pain001Document.xml(Self.sepaBatch).replacingOccurrences(of: "<PmtMtd>TRF</PmtMtd>", with: "<PmtMtd>WIRE</PmtMtd>")
        let result = try SchemaValidator.validate(wrong, against: "pain.001.001.09.xsd")
        #expect(!result.valid && result.output.contains("PmtMtd"), "\(result.output)")
    }

    @Test func whatCannotBeAFileIsRefusedInWords() throws {
        #expect(throws: CreditTransferFileError.noTransfers) { try Pain001Document.xml(try Self.batch(transfers: [])) }
        var mixed = Self.sepaBatch
        mixed.transfers[1].amount = Money(minorUnits: 99, currency: CurrencyCode("USD")!)
        #expect(throws: CreditTransferFileError.mixedCurrencies(Self.euro, "CLOSER-42-BILL-502", CurrencyCode("USD")!)) { try Pain001Document.xml(mixed) }
        var zero = Self.sepaBatch
        zero.transfers[0].amount = Money.zero(Self.euro)
        #expect(throws: CreditTransferFileError.notPositive("CLOSER-42-BILL-501", Money.zero(Self.euro))) { try Pain001Document.xml(zero) }
        var unwritable = Self.sepaBatch
        unwritable.transfers[2].creditor.holder = "北京有限公司"
        do {
            _ = try Pain001Document.xml(unwritable)
            Issue.record("a name without a Latin letter was written")
        } catch {
            #expect(error.description.contains("enter a Latin spelling of it in Odoo"), "\(error)")
        }
    }
}
