@testable import DemoCompany
import Ledger
import Testing

@Suite struct BankTruthTests {
    var snapshot: LedgerSnapshot { DemoFixture.snapshot }
    var truth: GroundTruth { DemoFixture.truth }

    @Test func statementLinesAreReconciledOrOnSuspense() {
        let suspense = DemoFixture.account(code: "101404").id
        for line in snapshot.statementLines {
            let onSuspense = (DemoFixture.linesByMove[line.moveID] ?? []).contains { $0.accountID == suspense }
            #expect(onSuspense == !line.isReconciled, "statement line \(line.id)")
            #expect(line.amountResidual?.isZero == line.isReconciled)
        }
        let open = snapshot.statementLines.filter { !$0.isReconciled }
        #expect(open.allSatisfy { $0.date <= truth.period.end })
        #expect(open.contains { truth.period.previous.contains($0.date) }, "one forgotten line from the month before")
        #expect(Set(open.map(\.id)) == DemoFixture.planted("unreconciled-statement-line"))
        let suspenseBalance = snapshot.lines.filter { $0.accountID == suspense }.reduce(Int64(0)) { $0 + $1.balance.minorUnits }
        #expect(suspenseBalance != 0 && truth.problems(of: "suspense-not-zero").count == 1)
    }

    @Test func everyStatementLineHasItsMatch() {
        #expect(truth.bankMatches.map(\.statementLineID) == snapshot.statementLines.map(\.id))
        let shapes = Set(truth.bankMatches.map(\.shape))
        #expect(shapes.isSuperset(of: ["1:1", "1:N", "N:1", "fee", "rounding", "fx", "payment", "payroll", "bank-fee", "internal-transfer"]))
        for match in truth.bankMatches {
            let statement = snapshot.statementLines[match.statementLineID - 1]
            #expect(match.reconciledInBooks == statement.isReconciled)
            #expect(match.openItemLineIDs.allSatisfy { DemoFixture.linesByID[$0] != nil })
            let items = match.openItemLineIDs.compactMap { DemoFixture.linesByID[$0] }
            switch match.shape {
            case "1:1", "1:N", "fee", "rounding", "fx", "N:1":
                #expect(items.allSatisfy { $0.kind == .paymentTerm && $0.partnerID != nil })
                #expect(match.shape != "1:N" || items.count > 1)
                if match.shape == "1:1" || match.shape == "1:N" {
                    let open = items.reduce(Int64(0)) { $0 + $1.balance.minorUnits }
                    let paid = (DemoFixture.linesByMove[statement.moveID] ?? []).first!.balance.minorUnits
                    #expect(open == paid, "statement line \(statement.id) pays \(paid) for \(open)")
                }
                if match.shape == "fee" { #expect(match.writeOff.map { $0.minorUnits > 0 } == true) }
                if match.shape == "fx" { #expect(statement.journalID == DemoFixture.journal(code: "BNK2").id && statement.amount.currency == .eur) }
            case "payment":
                #expect(items.count == 1 && items[0].accountID == DemoFixture.account(code: "101403").id)
                #expect(items[0].reconciled == statement.isReconciled)
            case "internal-transfer":
                #expect(items.count == 1 && items[0].reconciled)
            default:
                break
            }
            // What the books reconciled, they reconciled with the matched items.
            if statement.isReconciled, ["1:1", "1:N", "fee", "rounding", "fx", "payment"].contains(match.shape) {
                let numbers = Set((DemoFixture.linesByMove[statement.moveID] ?? []).compactMap(\.matchingNumber))
                #expect(items.allSatisfy { $0.matchingNumber.map(numbers.contains) == true }, "statement line \(statement.id)")
            }
        }
        let transfers = truth.bankMatches.filter { $0.counterpartStatementLineID != nil }
        #expect(!transfers.isEmpty && transfers.allSatisfy { match in
            truth.bankMatches[match.counterpartStatementLineID! - 1].counterpartStatementLineID == match.statementLineID })
    }

    @Test func bankReferencesAreNoisy() {
        let references = snapshot.statementLines.map(\.paymentRef)
        #expect(references.contains(nil))
        #expect(references.contains { $0?.hasPrefix("Payment INV ") == true })
        #expect(references.contains { $0?.contains(", INV/") == true })
        #expect(references.contains { $0.map { !$0.contains("/") && $0.contains("+") } == true })
        // Typos: a single invoice number that is not the one the line pays.
        let typos = truth.bankMatches.filter { match in
            guard let reference = snapshot.statementLines[match.statementLineID - 1].paymentRef, reference.hasPrefix("INV/"),
                  !reference.contains(",") else { return false }
            let paid = match.openItemLineIDs.compactMap { DemoFixture.linesByID[$0].flatMap { DemoFixture.movesByID[$0.moveID]?.name } }
            return !paid.contains(reference)
        }
        #expect(typos.count > 20)
    }

    @Test func vendorBillsArePaidThroughRegisteredPayments() {
        let outstanding = DemoFixture.account(code: "101403").id
        let payments = snapshot.moves.filter { $0.name.hasPrefix("PBNK1/") }
        #expect(payments.count > 500)
        for bill in snapshot.moves where bill.type == .vendorBill && bill.paymentState == .inPayment {
            let term = DemoFixture.linesByMove[bill.id]!.first { $0.kind == .paymentTerm }!
            let partners = snapshot.lines.filter { $0.matchingNumber == term.matchingNumber && $0.moveID != bill.id }
            #expect(partners.count == 1)
            let payment = DemoFixture.linesByMove[partners[0].moveID]!
            #expect(payment.contains { $0.accountID == outstanding && !$0.reconciled }, "\(bill.name)")
        }
    }
}
