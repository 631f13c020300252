import Ledger
import SchemaValidation
import Testing
import Treasury

/// A proposed run's group written as the bank's file: from the journal's own account, one transfer per payment to the
/// account the pre-flight checked, valid against ISO's schema; a journal without an account is refused in words.
struct RunFileTests {
    static func proposal(journal: PaymentJournal) -> PaymentRunProposal {
        var preflight = PaymentPreflightTests.preflight()
        preflight.journals = [1: journal]
        return preflight.propose([PaymentPreflightTests.bill(1, vendor: 1), PaymentPreflightTests.bill(2, vendor: 2, cents: 45_050)])
    }

    @Test(.enabled(if: SchemaValidator.xmllint != nil, "skipped: xmllint not installed (apt install libxml2-utils)"))
    func aRunsGroupIsAValidFileFromTheJournalsAccount() throws {
        let journal = PaymentJournal(id: 1, name: "Bank", holder: "Müller & Söhne GmbH", accountNumber: "BE68 5390 0754 7034", bic: "GKCCBEBB")
        let group = try #require(Self.proposal(journal: journal).groups.first)
        let batch = try CreditTransferBatch(group: group, runReference: "CLOSER-RUN-7", createdAt: Timestamp(date: PaymentPreflightTests.today, hour: 9),
                                            executionDate: PaymentPreflightTests.today)
        let xml = try Pain001Document.xml(batch)
        let result = try SchemaValidator.validate(xml, against: "pain.001.001.09.xsd")
        #expect(result.valid, "\(result.output)")
        #expect(xml.contains("<IBAN>BE68539007547034</IBAN>") && xml.contains("<NbOfTxs>2</NbOfTxs>") && xml.contains("<CtrlSum>1450.50</CtrlSum>"))
        #expect(xml.contains("<EndToEndId>CLOSER-RUN-7-2</EndToEndId>") && xml.contains("<Ustrd>INV-2</Ustrd>") && xml.contains("Muller + Sohne GmbH"))
    }

    @Test func aJournalWithoutAnAccountNumberIsRefusedInWords() throws {
        let group = try #require(Self.proposal(journal: PaymentJournal(id: 1, name: "Cash desk", holder: "Acme")).groups.first)
        #expect(throws: CreditTransferFileError.noDebtorAccount("Cash desk")) {
            try CreditTransferBatch(group: group, runReference: "CLOSER-RUN-7", createdAt: Timestamp(date: PaymentPreflightTests.today),
                                    executionDate: PaymentPreflightTests.today)
        }
    }
}
