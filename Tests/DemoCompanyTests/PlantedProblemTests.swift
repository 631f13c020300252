@testable import DemoCompany
import FoundationEssentials
import Ledger
import Testing

/// Each planted problem names real records that really have the planted property, and nothing
/// outside the ground truth has it (so detectors can be scored for false positives).
@Suite struct PlantedProblemTests {
    var snapshot: LedgerSnapshot { DemoFixture.snapshot }
    var truth: GroundTruth { DemoFixture.truth }
    var period: Period { truth.period }
    func moves(_ kind: String) -> [Move] { truth.problems(of: kind).flatMap(\.records).compactMap { DemoFixture.movesByID[$0.id] } }
    func noise(_ kind: String) -> [Move] { truth.noiseRecords(of: kind).compactMap { DemoFixture.movesByID[$0.id] } }
    func lines(_ kind: String) -> [JournalLine] { truth.problems(of: kind).flatMap(\.records).compactMap { DemoFixture.linesByID[$0.id] } }

    @Test func everyKindIsPlantedAndNamesRealRecords() {
        #expect(Set(truth.problems.map(\.kind)) == Set(GroundTruth.plantedKinds))
        // The purchase-order match's kinds are planted once each, on bills of purchase orders (not ledger entries).
        let matchKinds = ["billed-over-received", "billed-over-ordered", "price-differs", "no-purchase-order"]
        let orderBills = Dictionary(uniqueKeysWithValues: DemoFixture.book.purchasing.bills.map { ($0.id, $0.name) })
        for kind in matchKinds { #expect(truth.problems(of: kind).count == 1, "\(kind)") }
        // The payment run's and the expense review's kinds are planted once each too, on the ledger's bills and the employees' expenses.
        let onceKinds = matchKinds + GroundTruth.treasuryKinds + GroundTruth.expenseKinds
        for kind in GroundTruth.treasuryKinds + GroundTruth.expenseKinds { #expect(truth.problems(of: kind).count == 1, "\(kind)") }
        let expenses = DemoFixture.book.expenses.reports.flatMap(\.expenses)
        for kind in GroundTruth.plantedKinds where !(["journal-without-entries", "suspense-not-zero", "unbalanced-entry", "benford-deviation",
                                                      "unreconciled-statement-line"] + onceKinds).contains(kind) {
            #expect((2...5).contains(truth.problems(of: kind).count), "\(kind): \(truth.problems(of: kind).count)")
        }
        for problem in truth.problems {
            #expect(!problem.detail.contains("{"), "\(problem.detail)")
            for record in problem.records {
                switch record.model {
                case "account.move":
                    #expect((DemoFixture.movesByID[record.id]?.name ?? orderBills[record.id]) == record.name, "\(problem.kind): \(record)")
                    #expect((DemoFixture.movesByID[record.id] == nil) == matchKinds.contains(problem.kind), "\(problem.kind): \(record)")
                case "account.move.line": #expect(DemoFixture.linesByID[record.id] != nil, "\(problem.kind): \(record)")
                case "account.bank.statement.line": #expect(snapshot.statementLines.indices.contains(record.id - 1))
                case "account.journal": #expect(snapshot.journals.contains { $0.id == record.id && $0.name == record.name })
                case "res.partner": #expect(snapshot.partners.contains { $0.id == record.id && $0.name == record.name })
                case "account.account": #expect(snapshot.accounts.contains { $0.id == record.id })
                case "purchase.order", "sale.order":
                    #expect(snapshot.orderLines.contains { $0.orderModel == record.model && $0.orderID == record.id && $0.orderName == record.name })
                case "hr.expense": #expect(expenses.contains { $0.id == record.id && $0.name == record.name })
                case "hr.expense.sheet": #expect(DemoFixture.book.expenses.reports.contains { $0.id == record.id && $0.name == record.name })
                default: Issue.record("unknown model \(record.model)")
                }
            }
        }
    }

    @Test func lockDatesAndTimingProblems() {
        let lock = snapshot.company.lockDates.fiscalYear!
        let afterLock = moves("posted-after-lock")
        #expect(afterLock.count == 2 && afterLock.allSatisfy { $0.state == .posted && $0.date <= lock && $0.audit.createdAt.date > lock })
        let lateOnes = snapshot.moves.filter { $0.date <= lock && $0.audit.createdAt.date > lock }
        #expect(Set(lateOnes.map(\.id)) == Set(afterLock.map(\.id)))

        let late = moves("late-posting")
        #expect(late.count == 2 && late.allSatisfy { $0.audit.createdAt.date > period.end && period.contains($0.date) })
        // Besides them, only the bulk import (systemic noise): invoices of the period created on one day after it, by one person.
        let imported = noise("late-posting")
        #expect(imported.count >= 5 && Set(imported.map(\.audit.createdAt.date)).count == 1 && Set(imported.map { $0.audit.createdBy?.id }).count == 1)
        #expect(imported.allSatisfy { $0.audit.createdAt.date > period.end && period.contains($0.date) && $0.type == .customerInvoice })
        #expect(Set(snapshot.moves.filter { $0.audit.createdAt.date > period.end }.map(\.id)) == Set((late + imported).map(\.id)))
        let future = moves("future-dated-entry")
        #expect(future.count == 2 && future.allSatisfy { $0.date > truth.asOf && $0.state == .posted })
        #expect(Set(snapshot.moves.filter { $0.date > period.end }.map(\.id)) == Set(future.map(\.id)))
        // Entries are keyed in within their own month, except the planted ones.
        let planted = Set((afterLock + late + imported + future).map(\.id))
        #expect(snapshot.moves.allSatisfy { planted.contains($0.id) || Period(containing: $0.audit.createdAt.date) == Period(containing: $0.date) })
        let weekend = moves("weekend-posting")
        #expect(weekend.count == 2 && weekend.allSatisfy { $0.date.isWeekend && $0.audit.createdAt.date.isWeekend })
        // Besides them, only the bank feed's weekend value dates (systemic noise): bank entries dated on a weekend, keyed in on a weekday.
        let valueDated = noise("weekend-posting")
        #expect(valueDated.count >= 5 && valueDated.allSatisfy { $0.date.isWeekend && !$0.audit.createdAt.date.isWeekend && $0.journalID == 4 })
        #expect(Set(snapshot.moves.filter { $0.date.isWeekend || $0.audit.createdAt.date.isWeekend }.map(\.id)) == Set((weekend + valueDated).map(\.id)))
    }

    @Test func controlProblemsHaveTheirProperty() {
        #expect(moves("unbalanced-entry").allSatisfy { DemoFixture.balance(of: $0.id) == 1_000 })
        #expect(lines("line-debit-and-credit").allSatisfy { !$0.debit.isZero && !$0.credit.isZero })
        #expect(lines("missing-partner-on-receivable-payable").allSatisfy { $0.partnerID == nil && [6, 11].contains($0.accountID) })
        #expect(lines("missing-analytic").allSatisfy { $0.analytic == nil && DemoFixture.accountsByID[$0.accountID]!.code.hasPrefix("6") })
        #expect(lines("analytic-not-100").allSatisfy { $0.analytic?.totalPercent == 90 })
        let saleTaxes = Set(snapshot.taxes.filter { $0.scope == .sale }.map(\.id))
        let purchase = DemoFixture.journal(code: "BILL").id
        let mismatched = lines("tax-journal-mismatch")
        #expect(mismatched.count == 2 && mismatched.allSatisfy { !saleTaxes.isDisjoint(with: $0.taxIDs) && DemoFixture.movesByID[$0.moveID]!.journalID == purchase })
        let billMoves = Set(snapshot.moves.filter { $0.journalID == purchase }.map(\.id))
        #expect(Set(snapshot.lines.filter { billMoves.contains($0.moveID) && !saleTaxes.isDisjoint(with: $0.taxIDs) }.map(\.id)) == Set(mismatched.map(\.id)))

        let empty = truth.problems(of: "journal-without-entries").flatMap(\.records).map(\.id)
        let active = Set(snapshot.moves.filter { $0.state == .posted && period.contains($0.date) }.map(\.journalID))
        #expect(Set(snapshot.journals.map(\.id)).subtracting(active) == Set(empty))
        #expect(snapshot.moves.contains { empty.contains($0.journalID) })  // it had entries before

        for problem in truth.problems(of: "sequence-gap") {
            let move = DemoFixture.movesByID[problem.records[0].id]!
            let number = Int(move.name.split(separator: "/").last!)!
            let prefix = String(move.name.dropLast(move.name.split(separator: "/").last!.count))
            let width = move.name.split(separator: "/").last!.count
            let skipped = prefix + String(repeating: "0", count: width - String(number - 1).count) + String(number - 1)
            #expect(!snapshot.moves.contains { $0.name == skipped } && problem.detail.contains(skipped))
        }
        for problem in truth.problems(of: "sequence-duplicate") {
            let pair = problem.records.compactMap { DemoFixture.movesByID[$0.id] }
            #expect(pair.count == 2 && pair[0].name == pair[1].name && pair[0].id != pair[1].id)
        }
    }

    @Test func anomaliesHaveTheirProperty() {
        for problem in truth.problems(of: "duplicate-vendor-bill") {
            let pair = problem.records.compactMap { DemoFixture.movesByID[$0.id] }
            #expect(pair.count == 2 && pair[0].partnerID == pair[1].partnerID && pair[0].amountTotal == pair[1].amountTotal)
            // Retyped (one character changed) or reformatted (case and separators only).
            let (a, b) = (Array(pair[0].ref!), Array(pair[1].ref!))
            let reformatted = { (ref: String) in ref.uppercased().filter { $0.isLetter || $0.isNumber } }
            #expect((a.count == b.count && zip(a, b).filter { $0 != $1 }.count == 1)
                    || (pair[0].ref != pair[1].ref && reformatted(pair[0].ref!) == reformatted(pair[1].ref!)))
            #expect((1...7).contains(pair[0].date.days(until: pair[1].date)))
        }
        // No other bills of one vendor with the same total within a week.
        let duplicates = Set(truth.problems(of: "duplicate-vendor-bill").flatMap(\.records).map(\.id))
        let bills = snapshot.moves.filter { $0.type == .vendorBill && $0.state == .posted }
        let byKey = Dictionary(grouping: bills) { "\($0.partnerID!)|\($0.amountTotal.minorUnits)" }
        for group in byKey.values where group.count > 1 {
            for (x, y) in zip(group, group.dropFirst()) where abs(x.date.days(until: y.date)) <= 7 {
                #expect(duplicates.contains(x.id) && duplicates.contains(y.id), "\(x.name) / \(y.name)")
            }
        }

        for line in lines("unusual-amount") {
            let peers = snapshot.lines.filter { $0.accountID == line.accountID && $0.partnerID == line.partnerID && $0.id != line.id }
                .map(\.debit.minorUnits).sorted()
            #expect(peers.count > 10 && line.debit.minorUnits >= 8 * peers[peers.count / 2])
        }
        for line in lines("rare-account-partner") {
            #expect(!snapshot.lines.contains { $0.accountID == line.accountID && $0.partnerID == line.partnerID && $0.id != line.id })
        }
        let misc = DemoFixture.journal(code: "MISC").id
        #expect(moves("round-amount-manual-entry").allSatisfy { $0.journalID == misc && $0.amountTotal.minorUnits % 100_000 == 0 })
        let roundOnes = snapshot.moves.filter { $0.journalID == misc && $0.amountTotal.minorUnits % 100_000 == 0 }
        #expect(Set(roundOnes.map(\.id)) == Set(moves("round-amount-manual-entry").map(\.id)), "\(roundOnes.map { ($0.name, $0.ref ?? "", $0.amountTotal) })")

        // Every other (user, journal) pair is a habit, every other (P&L account, partner) pair recurs,
        // and no other expense line is ten times its account and partner's median (sales are skewed by nature).
        let unusualPairs = Set(moves("unusual-user-journal").map { "\($0.audit.createdBy!.id)|\($0.journalID)" })
        let pairCounts = Dictionary(grouping: snapshot.moves) { "\($0.audit.createdBy!.id)|\($0.journalID)" }.mapValues(\.count)
        #expect(Set(pairCounts.filter { $0.value < 10 }.keys) == unusualPairs)
        let rare = Set(lines("rare-account-partner").map(\.id))
        let profitAndLoss = Set(snapshot.accounts.filter { $0.type.isProfitAndLoss }.map(\.id))
        // The prepaid plants and their look-alikes come from vendors of their own, billed once or twice: new vendors, not rare pairs of known ones.
        let prepaidBills = Set((truth.problems(of: "prepaid-expensed-at-once") + truth.lookAlikes(of: GroundTruth.prepaidLookAlikeKinds))
            .flatMap(\.records).map(\.id))
        let prepaidVendors = Set(snapshot.moves.filter { prepaidBills.contains($0.id) && $0.journalID == DemoFixture.journal(code: "BILL").id }.compactMap(\.partnerID))
            .subtracting(truth.lookAlikes(of: ["prepaid-billed-monthly", "prepaid-already-deferred"]).flatMap(\.records).compactMap { DemoFixture.movesByID[$0.id]?.partnerID })
        let byPair = Dictionary(grouping: snapshot.lines.filter { profitAndLoss.contains($0.accountID) && $0.partnerID.map { !prepaidVendors.contains($0) } ?? false }) {
            "\($0.accountID)|\($0.partnerID!)" }
        #expect(Set(byPair.values.filter { $0.count < 3 }.flatMap { $0.map(\.id) }) == rare)
        let unusual = Set(lines("unusual-amount").map(\.id))
        let expense = Set(snapshot.accounts.filter { $0.code.hasPrefix("5") || $0.code.hasPrefix("6") }.map(\.id))
        for group in byPair.values where group.count >= 10 && expense.contains(group[0].accountID) {
            let amounts = group.map { abs($0.balance.minorUnits) }.sorted()
            let median = amounts[amounts.count / 2]
            for line in group where abs(line.balance.minorUnits) >= 8 * median { #expect(unusual.contains(line.id), "line \(line.id)") }
        }

        for move in moves("unusual-user-journal") {
            let others = snapshot.moves.filter { $0.journalID == move.journalID && $0.audit.createdBy == move.audit.createdBy && $0.id != move.id }
            #expect(others.isEmpty, "\(move.name)")
        }

        for problem in truth.problems(of: "missing-recurring-bill") {
            let vendor = problem.records[0].id
            let vendorBills = bills.filter { $0.partnerID == vendor }
            #expect(!vendorBills.contains { period.contains($0.date) })
            for back in 1...12 { #expect(vendorBills.contains { period.advanced(by: -back).contains($0.date) }) }
            let amounts = vendorBills.suffix(3).compactMap { DemoFixture.linesByMove[$0.id]?.first { $0.kind == .product }?.debit.minorUnits }
            #expect(problem.expectedAmount?.minorUnits == amounts.reduce(0, +) / Int64(amounts.count))
        }
        let prepaid = DemoFixture.account(code: "141000").id
        for problem in truth.problems(of: "prepaid-bill") {
            let move = DemoFixture.movesByID[problem.records[0].id]!
            let line = DemoFixture.linesByMove[move.id]!.first { $0.kind == .product }!
            #expect(line.accountID == prepaid && period.contains(move.date))
            #expect(problem.expectedAmount?.minorUnits == line.debit.minorUnits / 12)
        }
        for problem in truth.problems(of: "benford-deviation") {
            let vendorBills = bills.filter { $0.partnerID == problem.records[0].id }
            #expect(vendorBills.count >= 30 && vendorBills.allSatisfy { "789".contains($0.amountTotal.decimalText.first!) })
            let untaxed = vendorBills.compactMap { DemoFixture.linesByMove[$0.id]?.first { $0.kind == .product }?.debit.decimalText.first }
            #expect(untaxed.count == vendorBills.count && untaxed.allSatisfy { "789".contains($0) })
        }
    }
}
