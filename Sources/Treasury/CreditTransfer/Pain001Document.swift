import Foundation
public import Ledger

/// An ISO 20022 customer credit transfer initiation, pain.001.001.09 — the file a bank takes to pay vendors,
/// which Odoo Community cannot write without Enterprise's SEPA module or OCA's payment orders. One payment
/// information block (one account, one day, one currency); inside SEPA (euros, every account in a SEPA
/// country) it asks for the SEPA service level with shared charges as SEPA requires (`SLEV`). Every text
/// goes through `PaymentText`, which leaves nothing XML would need escaped.
public enum Pain001Document {
    public static let namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"

    public static func xml(_ batch: CreditTransferBatch) throws(CreditTransferFileError) -> String {
        guard let first = batch.transfers.first else { throw .noTransfers }
        let currency = first.amount.currency
        var total = Money.zero(currency, scale: first.amount.scale)
        for transfer in batch.transfers {
            guard transfer.amount.currency == currency else { throw .mixedCurrencies(currency, transfer.endToEndID, transfer.amount.currency) }
            guard transfer.amount.minorUnits > 0 else { throw .notPositive(transfer.endToEndID, transfer.amount) }
            total += transfer.amount
        }
        let sepa = currency.description == "EUR"
            && ([batch.debtor] + batch.transfers.map(\.creditor)).allSatisfy { IBANCountry.sepa.contains($0.iban.countryCode) }
        let messageID = try text(batch.messageID, 35, "the message id")
        var transfers = ""
        for transfer in batch.transfers { transfers += try transaction(transfer) }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="\(namespace)">
            <CstmrCdtTrfInitn>
            <GrpHdr><MsgId>\(messageID)</MsgId><CreDtTm>\(batch.createdAt.description.replacingOccurrences(of: " ", with: "T"))</CreDtTm>\
            <NbOfTxs>\(batch.transfers.count)</NbOfTxs><CtrlSum>\(total.decimalText)</CtrlSum>\
            <InitgPty><Nm>\(try text(batch.initiatingParty, 140, "the company's name"))</Nm></InitgPty></GrpHdr>
            <PmtInf><PmtInfId>\(messageID)</PmtInfId><PmtMtd>TRF</PmtMtd><NbOfTxs>\(batch.transfers.count)</NbOfTxs>\
            <CtrlSum>\(total.decimalText)</CtrlSum>\(sepa ? "<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>" : "")\
            <ReqdExctnDt><Dt>\(batch.executionDate)</Dt></ReqdExctnDt>\
            <Dbtr><Nm>\(try text(batch.debtor.holder, 140, "the paying account's holder"))</Nm></Dbtr>\
            <DbtrAcct><Id><IBAN>\(batch.debtor.iban.electronic)</IBAN></Id><Ccy>\(currency)</Ccy></DbtrAcct>\
            <DbtrAgt><FinInstnId>\(batch.debtor.bic.map { "<BICFI>\($0.code)</BICFI>" } ?? "<Othr><Id>NOTPROVIDED</Id></Othr>")</FinInstnId></DbtrAgt>\
            <ChrgBr>\(sepa ? "SLEV" : "SHAR")</ChrgBr>
            \(transfers)</PmtInf>
            </CstmrCdtTrfInitn>
            </Document>

            """
    }

    static func transaction(_ transfer: CreditTransfer) throws(CreditTransferFileError) -> String {
        let agent = transfer.creditor.bic.map { "<CdtrAgt><FinInstnId><BICFI>\($0.code)</BICFI></FinInstnId></CdtrAgt>" } ?? ""
        let remittance = PaymentText.clean(transfer.remittance, maxLength: 140)
        return "<CdtTrfTxInf><PmtId><EndToEndId>\(try text(transfer.endToEndID, 35, "the end-to-end id"))</EndToEndId></PmtId>"
            + "<Amt><InstdAmt Ccy=\"\(transfer.amount.currency)\">\(transfer.amount.decimalText)</InstdAmt></Amt>\(agent)"
            + "<Cdtr><Nm>\(try text(transfer.creditor.holder, 140, "the vendor's account holder"))</Nm></Cdtr>"
            + "<CdtrAcct><Id><IBAN>\(transfer.creditor.iban.electronic)</IBAN></Id></CdtrAcct>"
            + (remittance.isEmpty ? "" : "<RmtInf><Ustrd>\(remittance)</Ustrd></RmtInf>") + "</CdtTrfTxInf>\n"
    }

    static func text(_ value: String, _ maxLength: Int, _ what: String) throws(CreditTransferFileError) -> String {
        let cleaned = PaymentText.clean(value, maxLength: maxLength)
        guard !cleaned.isEmpty else { throw .unwritable(what, value) }
        return cleaned
    }
}

/// Why a payment file cannot be written, and what to do.
public enum CreditTransferFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case noTransfers
    case mixedCurrencies(CurrencyCode, String, CurrencyCode)
    case notPositive(String, Money)
    case unwritable(String, String)
    case noDebtorAccount(String)
    case invalidDebtorAccount(String, String)

    public var description: String {
        switch self {
        case .noTransfers:
            "The payment run has no payment to write: nothing passed the pre-flight checks."
        case .mixedCurrencies(let currency, let id, let other):
            "Payment \(id) is in \(other) while the file pays in \(currency): one file pays in one currency (runs are grouped per journal and currency)."
        case .notPositive(let id, let amount):
            "Payment \(id) is for \(amount): a credit transfer pays a positive amount (a credit note is settled against the bill, not paid)."
        case .unwritable(let what, let value):
            "'\(value)' (\(what)) has no letter a bank accepts (SEPA's Latin character set): enter a Latin spelling of it in Odoo."
        case .noDebtorAccount(let journal):
            "Bank journal \(journal) has no bank account number in Odoo (Accounting > Configuration > Journals, Account Number): the file names the account money leaves."
        case .invalidDebtorAccount(let journal, let reason):
            "The company's account on bank journal \(journal) is not a valid IBAN: \(reason)"
        }
    }
}
