public import CloseSettings
public import CloseStore
public import Foundation
public import Ledger
import OdooLedger
import OdooRPC
public import Treasury

/// Payment runs end to end: reads what is due from Odoo, records what happened to vendors' bank accounts since the
/// last pull, runs the pre-flight checks and stores the proposal for a person to approve; an approved run creates its
/// payments in Odoo through Odoo's own payment wizard, each claimed in the store first and looked for in Odoo before
/// it is created, so a retry after a lost answer never pays a bill twice. Audit mode proposes and writes nothing to Odoo.
public struct PaymentRunService: Sendable {
    public var store: AppDatabase
    public var settings: OdooSettings
    public var rules: TreasuryRules
    let source: OdooLedgerSource

    public init(store: AppDatabase, settings: OdooSettings, rules: TreasuryRules) {
        self.store = store
        self.settings = settings
        self.rules = rules
        source = OdooGateway.source(settings)
    }

    /// Proposes a run paying on `executionDate` every bill due by `payBy` (or worth paying early), from `journalID` when
    /// given (otherwise each bill's currency picks the journal), superseding the proposal waiting.
    public func propose(executionDate: LocalDate, payBy: LocalDate, journalID: Int? = nil, actor: String, at now: Date = Date()) async throws -> PaymentRun {
        let reading = try await source.treasuryReading()
        if let journalID, !reading.journals.contains(where: { $0.id == journalID }) {
            throw PaymentRunServiceError.unknownJournal(journalID, known: reading.journals.map { "\($0.id) \($0.name)" })
        }
        try BankChangeWatch(store: store, rules: rules).record(reading, actor: actor, at: now)
        let identities = try PaymentIdentities(store: store, client: source.client)
        let vendors = Set(reading.bills.map(\.vendorID))
        let changes = Dictionary(grouping: try store.bankDetailChanges(sourceKey: reading.sourceKey, partnerIDs: vendors), by: \.partnerID)
        let verifications = try await identities.inOdooTerms(try store.bankVerifications(sourceKey: reading.sourceKey))
        let accounts = Dictionary(grouping: reading.bankAccounts.map(\.account), by: \.partnerID)
        var candidates: [PaymentCandidate] = []
        for bill in reading.bills {
            let journal = Self.journal(for: bill, in: reading.journals, chosen: journalID)
            let vendorAccounts = accounts[bill.vendorID] ?? []
            let ids = Set(vendorAccounts.map(\.id))
            candidates.append(PaymentCandidate(
                billID: bill.id, billName: bill.name, vendorID: bill.vendorID, vendorName: bill.vendorName, reference: bill.reference,
                amount: bill.residual, dueDate: bill.dueDate, discount: bill.discount, journalID: journal?.id ?? 0, journalCurrency: journal?.currency,
                approved: try store.approvalBlock(sourceKey: reading.sourceKey, billID: bill.id) == nil,
                heldBecause: try store.paymentBlock(sourceKey: reading.sourceKey, billID: bill.id),
                bankAccounts: vendorAccounts, bankChanges: changes[bill.vendorID] ?? [],
                verifications: verifications.filter { ids.contains($0.accountID) }))
        }
        let preflight = PaymentPreflight(
            rules: rules, executionDate: executionDate, payBy: payBy, lockDate: reading.lockDate, existingPayments: reading.payments,
            balances: Dictionary(reading.journals.map { ($0.id, $0.projectedBalance) }) { first, _ in first },
            journals: Dictionary(reading.journals.map {
                ($0.id, PaymentJournal(id: $0.id, name: $0.name, holder: reading.company.name, accountNumber: $0.accountNumber, bic: $0.bic))
            }) { first, _ in first },
            numberOwners: reading.numberOwners)
        return try store.proposePaymentRun(preflight.propose(candidates), sourceKey: reading.sourceKey, actor: actor, at: now)
    }

    /// The journal a bill is paid from: the one asked for, else one in the bill's currency, else one without a
    /// currency of its own (booked in the company's), else the first — whose currency the pre-flight then refuses.
    static func journal(for bill: PayableBill, in journals: [BankJournal], chosen: Int?) -> BankJournal? {
        if let chosen { return journals.first { $0.id == chosen } }
        return journals.first { $0.currency == bill.residual.currency } ?? journals.first { $0.currency == nil } ?? journals.first
    }
}

extension PaymentRunService {
    /// Approves a proposed run as `actor` — not its proposer, and not anyone who changed, verified or trusted a bank
    /// account it pays — and, when the mode writes, pays it in Odoo at once; in audit mode nothing is written and a later
    /// approval call in a writing mode pays it. What every surface calls; calling it again on an approved run finishes it.
    public static func approve(store: AppDatabase, settings: OdooSettings?, id: Int64, actor: String) async throws -> PaymentRun {
        var run = try store.paymentRun(id: id)
        if run.status == .rejected || run.status == .superseded {
            throw PaymentRunError.wrongStatus(id: id, status: run.status.rawValue, step: "approved")
        }
        if run.status == .proposed {
            let identities: Set<String>
            if let settings {
                identities = try await PaymentIdentities(store: store, client: OdooGateway.client(settings)).of(actor)
            } else {
                identities = [actor]
            }
            run = try store.approvePaymentRun(id: id, actor: actor, identities: identities)
        }
        guard run.status == .approved, let settings, settings.mode != .audit else { return run }
        let source = try OdooGateway.source(settings, writingTo: run.sourceKey, what: "the payment run's company", action: "pay the run")
        return try await pay(run, store: store, writer: OdooPaymentWriter(client: source.client), actor: actor)
    }

    /// Creates each payment not yet in Odoo: claimed first, then looked for in Odoo (an earlier attempt whose answer
    /// was lost), created only when not found; the run is paid once every payment is in Odoo.
    static func pay(_ run: PaymentRun, store: AppDatabase, writer: OdooPaymentWriter, actor: String) async throws -> PaymentRun {
        let unpaid = Set(run.unpaid.map(\.candidate.billID))
        for group in run.proposal.groups {
            for payment in group.payments where unpaid.contains(payment.candidate.billID) {
                let bill = payment.candidate
                let claim = try store.claimRunPayment(runID: run.id, billID: bill.billID)
                // A minute's slack: Odoo's clock and this machine's need not agree to the second.
                let since = Timestamp(odoo: claim.claimedAt).map { Timestamp(secondsSinceEpoch: $0.secondsSinceEpoch - 60) } ?? Timestamp(secondsSinceEpoch: 0)
                var made = try await writer.payment(forBill: bill.billID, createdSince: since)
                if made == nil {
                    made = try await writer.pay(billID: bill.billID, billName: bill.billName, amount: payment.amount, date: run.proposal.executionDate,
                                                journalID: group.journalID, bankAccountID: payment.account.id)
                }
                guard let made else { continue }
                try store.markRunPaymentCreated(runID: run.id, billID: bill.billID, paymentID: made.id, paymentName: made.name, actor: actor)
            }
        }
        return try store.markPaymentRunPaid(id: run.id, actor: actor)
    }

    /// Rejects a run nothing of which was paid yet, with the reason.
    public static func reject(store: AppDatabase, id: Int64, reason: String, actor: String) throws -> PaymentRun {
        try store.rejectPaymentRun(id: id, reason: reason, actor: actor)
    }

    /// The ISO 20022 pain.001.001.09 file of each group of an approved or paid run, by journal: what a company
    /// without Odoo's SEPA module sends its bank.
    public static func creditTransferFiles(_ run: PaymentRun, at now: Date = Date()) throws -> [(journal: String, xml: String)] {
        guard run.status == .approved || run.status == .paid else {
            throw PaymentRunError.wrongStatus(id: run.id, status: run.status.rawValue, step: "written to a payment file before it is approved")
        }
        let createdAt = Timestamp(secondsSinceEpoch: Int64(now.timeIntervalSince1970))
        var files: [(journal: String, xml: String)] = []
        for group in run.proposal.groups where !group.payments.isEmpty {
            let batch = try CreditTransferBatch(group: group, runReference: run.reference, createdAt: createdAt, executionDate: run.proposal.executionDate)
            files.append((group.journal?.name ?? "journal \(group.journalID)", try Pain001Document.xml(batch)))
        }
        return files
    }
}

/// A payment-run step Odoo's data does not allow, in words that say what to do.
public enum PaymentRunServiceError: Error, Equatable, CustomStringConvertible {
    case unknownJournal(Int, known: [String])

    public var description: String {
        switch self {
        case .unknownJournal(let id, let known):
            "There is no bank journal \(id) in this company; its bank journals are: \(known.isEmpty ? "none" : known.joined(separator: ", "))."
        }
    }
}
