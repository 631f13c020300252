@testable import DemoCompany
import FoundationEssentials
import Ledger
import Testing

@Suite struct DemoCompanyTests {
    var snapshot: LedgerSnapshot { DemoFixture.snapshot }
    var truth: GroundTruth { DemoFixture.truth }
    func planted(_ kind: String) -> Set<Int> { DemoFixture.planted(kind) }

    @Test func theSameSeedGivesTheSameBooks() throws {
        let again = DemoCompany.generate()
        #expect(again.snapshot.moves == snapshot.moves)
        #expect(again.snapshot.lines == snapshot.lines)
        #expect(again.snapshot.statementLines == snapshot.statementLines)
        #expect(again.snapshot.partners == snapshot.partners)
        #expect(again.groundTruth.problems == truth.problems && again.groundTruth.bankMatches == truth.bankMatches)
        let other = DemoCompany.generate(DemoOptions(seed: 7))
        #expect(other.snapshot.lines != snapshot.lines)
        #expect(other.snapshot.moves.map(\.audit) != snapshot.moves.map(\.audit))
    }

    @Test func theDefaultCompanyIsASmallRealisticOne() {
        #expect((15_000...25_000).contains(snapshot.lines.count), "\(snapshot.lines.count) lines")
        #expect(snapshot.company.name == "Northwind Components Ltd" && snapshot.company.currency.code == .usd)
        #expect(snapshot.company.lockDates.fiscalYear == LocalDate(year: 2026, month: 6, day: 30))
        let months = Set(snapshot.moves.map { Period(containing: $0.date) }.filter { $0 <= truth.period })
        #expect(months.count == 13 && months.min() == (try! Period(year: 2025, month: 10)))
        for code in ["121000", "211000", "101401", "101402", "101403", "101404", "141000", "400000"] {
            #expect(snapshot.accounts.contains { $0.code == code }, "account \(code)")
        }
        #expect(DemoFixture.account(code: "121000").reconcile && DemoFixture.account(code: "211000").reconcile)
        #expect(DemoFixture.account(code: "141000").type == .prepayments)
        #expect(Set(snapshot.journals.map(\.code)).isSuperset(of: ["INV", "BILL", "BNK1", "BNK2", "MISC", "SAL"]))
        #expect(DemoFixture.journal(code: "BNK2").currencyID == 2)
    }

    @Test func idsFollowCreationAndRecordsAreSorted() {
        #expect(snapshot.moves.map(\.id) == Array(1...snapshot.moves.count))
        #expect(snapshot.lines.map(\.id) == Array(1...snapshot.lines.count))
        #expect(snapshot.statementLines.map(\.id) == Array(1...snapshot.statementLines.count))
        #expect(zip(snapshot.moves, snapshot.moves.dropFirst()).allSatisfy { $0.audit.createdAt <= $1.audit.createdAt })
        #expect(zip(snapshot.lines, snapshot.lines.dropFirst()).allSatisfy { ($0.moveID, $0.id) < ($1.moveID, $1.id) })
        #expect(snapshot.moves.allSatisfy { $0.audit.writtenAt >= $0.audit.createdAt })
        #expect(Set(snapshot.moves.compactMap { $0.audit.createdBy?.id }) == Set([6, 7, 8]))
    }

    @Test func everyEntryBalancesExceptThePlantedOne() {
        var balance: [Int: Int64] = [:]
        for line in snapshot.lines { balance[line.moveID, default: 0] += line.debit.minorUnits - line.credit.minorUnits }
        let unbalanced = Set(balance.filter { $0.value != 0 }.keys)
        #expect(unbalanced == planted("unbalanced-entry"))
        #expect(unbalanced.count == 1)
        #expect(snapshot.lines.allSatisfy { $0.debit.minorUnits >= 0 && $0.credit.minorUnits >= 0 })
        let both = Set(snapshot.lines.filter { !$0.debit.isZero && !$0.credit.isZero }.map(\.id))
        #expect(both == planted("line-debit-and-credit"))
    }

    @Test func theOnlyDraftsAreThePlantedOnes() {
        let drafts = Set(snapshot.moves.filter { $0.state == .draft }.map(\.id))
        #expect(drafts == planted("draft-in-period") && drafts.count == 3)
        #expect(snapshot.moves.filter { drafts.contains($0.id) }.allSatisfy { truth.period.contains($0.date) && $0.name == "/" })
        #expect(!snapshot.moves.contains { $0.state == .cancelled })
    }

    @Test func sequencesHaveOnlyThePlantedGapsAndDuplicates() {
        var numbers: [String: [Int]] = [:]
        for move in snapshot.moves where move.state == .posted {
            let parts = move.name.split(separator: "/")
            numbers[parts.dropLast().joined(separator: "/"), default: []].append(Int(parts.last!)!)
        }
        var gaps = 0, duplicates = 0
        for (prefix, list) in numbers {
            let sorted = list.sorted()
            duplicates += sorted.count - Set(sorted).count
            gaps += (sorted.last! - sorted.first! + 1) - Set(sorted).count
            #expect(sorted.first == 1, "\(prefix) starts at \(sorted.first!)")
        }
        #expect(gaps == 2 && duplicates == 2)
        #expect(numbers.keys.contains("INV/2026") && numbers.keys.contains("BILL/2026/10") && numbers.keys.contains("PBNK1/2026")
                && numbers.keys.contains("RINV/2026") && numbers.keys.contains("MISC/2026/10"))
        // Numbers rise with creation within each sequence, as Odoo assigns them when posting.
        var last: [String: Int] = [:]
        let duplicated = planted("sequence-duplicate")
        for move in snapshot.moves where move.state == .posted && !duplicated.contains(move.id) {
            let parts = move.name.split(separator: "/")
            let prefix = parts.dropLast().joined(separator: "/"), number = Int(parts.last!)!
            #expect(number > last[prefix, default: 0], "\(move.name)")
            last[prefix] = number
        }
    }

    @Test func receivableAndPayableLinesHavePartnersExceptPlanted() {
        let controlAccounts = Set(snapshot.accounts.filter { $0.type == .receivable || $0.type == .payable }.map(\.id))
        let missing = Set(snapshot.lines.filter { controlAccounts.contains($0.accountID) && $0.partnerID == nil }.map(\.id))
        #expect(missing == planted("missing-partner-on-receivable-payable") && missing.count == 2)
    }

    @Test func expenseLinesCarryFullAnalyticsExceptPlanted() {
        let expense = Set(snapshot.accounts.filter { $0.code.hasPrefix("6") }.map(\.id))
        let lines = snapshot.lines.filter { expense.contains($0.accountID) }
        #expect(Set(lines.filter { $0.analytic == nil }.map(\.id)) == planted("missing-analytic"))
        #expect(Set(lines.filter { $0.analytic != nil && $0.analytic?.totalPercent != 100 }.map(\.id)) == planted("analytic-not-100"))
        #expect(lines.count > 300)
    }

    @Test func lineKindsFollowOdoo() {
        for move in snapshot.moves {
            let lines = DemoFixture.linesByMove[move.id] ?? []
            if move.type.isInvoice {
                #expect(lines.filter { $0.kind == .paymentTerm }.count == 1, "\(move.name)")
                #expect(lines.contains { $0.kind == .tax } && lines.contains { $0.kind == .product }, "\(move.name)")
            } else {
                #expect(lines.allSatisfy { $0.kind == .product }, "\(move.name)")
            }
        }
        let terms = snapshot.lines.filter { $0.kind == .paymentTerm }
        #expect(terms.allSatisfy { $0.partnerID != nil && [6, 11].contains($0.accountID) })
    }

    @Test func residualsAndPaymentStatesAgree() {
        var states: [PaymentState: Int] = [:]
        // The prepaid plants and their look-alikes are on 90-day terms, so that the payment run does not see them.
        let prepaidBills = Set((truth.problems(of: "prepaid-expensed-at-once") + truth.lookAlikes(of: ["prepaid-one-off-repair", "prepaid-past-period-bill"]))
            .flatMap(\.records).filter { $0.model == "account.move" }.map(\.id))
        for move in snapshot.moves where move.type.isInvoice && move.state == .posted {
            let items = (DemoFixture.linesByMove[move.id] ?? []).filter { $0.kind == .paymentTerm }
            let residual = items.reduce(Int64(0)) { $0 + abs($1.amountResidual.minorUnits) }
            #expect(residual == move.amountResidual.minorUnits, "\(move.name)")
            let settled = move.paymentState == .paid || move.paymentState == .inPayment
            #expect(settled == (residual == 0), "\(move.name) \(String(describing: move.paymentState))")
            #expect(move.paymentState != .partial || (residual > 0 && residual < move.amountTotal.minorUnits), "\(move.name)")
            #expect((move.paymentState == .notPaid) == (residual == move.amountTotal.minorUnits), "\(move.name)")
            #expect(items.allSatisfy { ($0.matchingNumber == nil) == (move.paymentState == .notPaid) }, "\(move.name)")
            #expect(move.dueDate == move.invoiceDate?.adding(days: prepaidBills.contains(move.id) ? 90 : 30), "\(move.name)")
            states[move.paymentState!, default: 0] += 1
        }
        #expect(states[.paid, default: 0] > 1_000 && states[.inPayment, default: 0] > 0 && states[.partial, default: 0] > 0
                && states[.notPaid, default: 0] > 0)
    }

    @Test(arguments: [200_000])
    func volumeFollowsTheTarget(lines target: Int) {
        let count = DemoCompany.generate(DemoOptions(targetLines: target)).snapshot.lines.count
        #expect(abs(count - target) <= target / 20, "\(count) lines for a target of \(target)")
    }
}

@Suite struct DemoOptionsTests {
    @Test(arguments: [
        DemoOptions(seed: 3, closePeriod: try! Period(year: 2026, month: 1), historyMonths: 1),
        DemoOptions(seed: 9, closePeriod: try! Period(year: 2025, month: 12), historyMonths: 36),
        DemoOptions(seed: 11, targetLines: 1_000),
    ])
    func otherShapesStayConsistent(options: DemoOptions) {
        let book = DemoCompany.generate(options)
        var balance: [Int: Int64] = [:]
        for line in book.snapshot.lines { balance[line.moveID, default: 0] += line.balance.minorUnits }
        let planted = Set(book.groundTruth.problems(of: "unbalanced-entry").flatMap { $0.records.map(\.id) })
        #expect(Set(balance.filter { $0.value != 0 }.keys) == planted && planted.count == 1)
        // A small company plants what fits and names the rest.
        #expect(Set(book.groundTruth.problems.map(\.kind)).union(book.groundTruth.notPlanted.keys).isSuperset(of: GroundTruth.plantedKinds))
        #expect(Set(book.groundTruth.problems.map(\.kind)).isSubset(of: GroundTruth.plantedKinds))
        let drafts = Set(book.snapshot.moves.filter { $0.state == .draft }.map(\.id))
        #expect(drafts == Set(book.groundTruth.problems(of: "draft-in-period").flatMap { $0.records.map(\.id) }))
        #expect(book.snapshot.company.lockDates.fiscalYear == options.closePeriod.advanced(by: -4).end)
    }
}
