public import Ledger

extension CreditTransferBatch {
    /// The file for one group of an approved run: from the journal's account, each payment to the account the
    /// pre-flight checked, carrying the bill's reference; end-to-end ids are the run's reference and the bill's id,
    /// so the statement line that comes back names both.
    public init(group: PaymentGroup, runReference: String, createdAt: Timestamp,
                executionDate: LocalDate) throws(CreditTransferFileError) {
        guard let journal = group.journal, let number = journal.accountNumber else { throw .noDebtorAccount(group.journal?.name ?? "journal \(group.journalID)") }
        let debtorIBAN: IBAN
        do { debtorIBAN = try IBAN(number) } catch { throw .invalidDebtorAccount(journal.name, error.description) }
        let debtor = PaymentAccount(holder: journal.holder, iban: debtorIBAN, bic: journal.bic.flatMap { try? BIC($0) })
        var transfers: [CreditTransfer] = []
        for payment in group.payments {
            let candidate = payment.candidate
            let creditor = PaymentAccount(holder: payment.account.holderName ?? candidate.vendorName, iban: payment.iban,
                                          bic: payment.account.bic.flatMap { try? BIC($0) })
            transfers.append(CreditTransfer(endToEndID: "\(runReference)-\(candidate.billID)", amount: payment.amount, creditor: creditor,
                                            remittance: candidate.reference.isEmpty ? candidate.billName : candidate.reference))
        }
        self.init(messageID: "\(runReference)-J\(group.journalID)", createdAt: createdAt, initiatingParty: journal.holder, debtor: debtor,
                  executionDate: executionDate, transfers: transfers)
    }
}
