import Ledger
import Testing
@testable import DemoCompany

@Suite struct DemoCompanyTests {
    static let book = DemoCompany.generate()
    var snapshot: LedgerSnapshot { Self.book.snapshot }
    var truth: GroundTruth { Self.book.groundTruth }

    func planted(_ kind: String) -> Set<Int> { Set(truth.problems(of: kind).flatMap { $0.records.map(\.id) }) }

    @Test func theSameSeedGivesTheSameBooks() {
        let again = DemoCompany.generate()
        #expect(again.snapshot.moves == snapshot.moves)
        #expect(again.snapshot.lines == snapshot.lines)
        #expect(again.snapshot.statementLines == snapshot.statementLines)
        var other = DemoOptions()
        other.seed = 7
        #expect(DemoCompany.generate(other).snapshot.lines != snapshot.lines)
    }

    @Test func everyEntryBalancesExceptThePlantedOne() {
        var balance: [Int: Int64] = [:]
        for line in snapshot.lines { balance[line.moveID, default: 0] += line.debit.minorUnits - line.credit.minorUnits }
        let unbalanced = Set(balance.filter { $0.value != 0 }.keys)
        #expect(unbalanced == planted("unbalanced-entry"))
        #expect(snapshot.lines.allSatisfy { $0.debit.minorUnits >= 0 && $0.credit.minorUnits >= 0 })
    }

    @Test func theOnlyDraftsAreThePlantedOnes() {
        let drafts = Set(snapshot.moves.filter { $0.state == .draft }.map(\.id))
        #expect(drafts == planted("draft-in-period"))
        #expect(snapshot.moves.filter { drafts.contains($0.id) }.allSatisfy { truth.period.contains($0.date) && $0.name == "/" })
    }

    @Test func sequencesHaveOnlyThePlantedGapAndDuplicate() {
        var numbers: [String: [Int]] = [:]
        for move in snapshot.moves where move.state == .posted {
            let parts = move.name.split(separator: "/")
            numbers[parts.dropLast().joined(separator: "/"), default: []].append(Int(parts.last!)!)
        }
        var gaps = 0, duplicates = 0
        for (_, list) in numbers {
            let sorted = list.sorted()
            duplicates += sorted.count - Set(sorted).count
            gaps += (sorted.last! - sorted.first! + 1) - Set(sorted).count
            #expect(sorted.first == 1)
        }
        #expect(gaps == 1 && duplicates == 1)
    }

    @Test func receivableAndPayableLinesHavePartnersExceptPlanted() {
        let controlAccounts: Set<Int> = [6, 11]
        let missing = Set(snapshot.lines.filter { controlAccounts.contains($0.accountID) && $0.partnerID == nil }.map(\.id))
        #expect(missing == planted("missing-partner-on-receivable-payable"))
    }

    @Test func expenseLinesCarryFullAnalyticsExceptPlanted() {
        let expense = Set(snapshot.accounts.filter { $0.code.hasPrefix("6") }.map(\.id))
        let lines = snapshot.lines.filter { expense.contains($0.accountID) }
        #expect(Set(lines.filter { $0.analytic == nil }.map(\.id)) == planted("missing-analytic"))
        #expect(Set(lines.filter { $0.analytic != nil && $0.analytic?.totalPercent != 100 }.map(\.id)) == planted("analytic-not-100"))
    }

    @Test func residualsAndPaymentStatesAgree() {
        for move in snapshot.moves where move.type.isInvoice && move.state == .posted {
            let items = snapshot.lines.filter { $0.moveID == move.id && $0.kind == .paymentTerm }
            let residual = items.reduce(Int64(0)) { $0 + abs($1.amountResidual.minorUnits) }
            #expect(residual == move.amountResidual.minorUnits, "\(move.name)")
            #expect((move.paymentState == .paid) == (residual == 0), "\(move.name) \(String(describing: move.paymentState))")
        }
    }

    @Test func statementLinesAreReconciledOrOnSuspense() {
        for line in snapshot.statementLines {
            let onSuspense = snapshot.lines.contains { $0.moveID == line.moveID && $0.accountID == 4 }
            #expect(onSuspense == !line.isReconciled)
        }
        let open = snapshot.statementLines.filter { !$0.isReconciled }
        #expect(!open.isEmpty && open.allSatisfy { truth.period.contains($0.date) })
        #expect(Set(open.map(\.id)) == planted("unreconciled-statement-line"))
        #expect(truth.bankMatches.contains { $0.shape == "1:N" && $0.openItemLineIDs.count > 1 })
        #expect(truth.bankMatches.contains { $0.shape == "fee" && $0.writeOff != nil })
        #expect(truth.bankMatches.contains { $0.shape == "fx" })
    }

    @Test func plantedRecordsExistAndNameRealMoves() {
        let moves = Dictionary(uniqueKeysWithValues: snapshot.moves.map { ($0.id, $0) })
        let kinds = Set(truth.problems.map(\.kind))
        #expect(kinds.count >= 20)
        for problem in truth.problems {
            for record in problem.records where record.model == "account.move" {
                #expect(moves[record.id]?.name == record.name, "\(problem.kind): \(record)")
            }
        }
        let accruals = truth.problems(of: "missing-recurring-bill")
        #expect(accruals.count == 2 && accruals.allSatisfy { ($0.expectedAmount?.minorUnits ?? 0) > 0 })
        #expect(truth.problems(of: "prepaid-bill").first?.expectedAmount?.minorUnits == 120_300)
        let late = truth.problems(of: "late-posting").compactMap { moves[$0.records[0].id] }
        #expect(late.count == 2 && late.allSatisfy { $0.audit.createdAt.date > truth.period.end && truth.period.contains($0.date) })
    }

    @Test func recurringVendorsAreMissingOnlyWherePlanted() {
        let utilities = truth.problems(of: "missing-recurring-bill")[0].records[0].id
        let billsInPeriod = snapshot.moves.filter { $0.type == .vendorBill && $0.partnerID == utilities && truth.period.contains($0.date) }
        let billsBefore = snapshot.moves.filter { $0.type == .vendorBill && $0.partnerID == utilities && truth.period.previous.contains($0.date) }
        #expect(billsInPeriod.isEmpty && billsBefore.count == 1)
    }

    @Test(arguments: [200_000])
    func volumeFollowsTheTarget(lines target: Int) {
        var options = DemoOptions()
        options.targetLines = target
        let count = DemoCompany.generate(options).snapshot.lines.count
        #expect(abs(count - target) <= target / 20, "\(count) lines for a target of \(target)")
    }
}
