import BankMatching
import DemoCompany
import Foundation
import Ledger

/// Bank matching at scale: a synthetic ledger of open customer invoices (twice as many as statement
/// lines) and statement lines that pay them the ways banks report payments (full number, spaced
/// number, sequence number only, no reference; some paying two invoices at once). Times building
/// the indexes plus proposing a match for every line (median of `runs`), with the share of lines
/// whose top candidate is the invoice actually paid, and a digest of every proposal (equal digests: the
/// same proposals, so a speed change can show it changed nothing else).
///   swift build -c release --product closer-bench && .build/release/closer-bench match
enum MatchBenchmark {
    @discardableResult
    static func run(sizes: [Int] = [10_000, 100_000, 1_000_000], runs: Int = 3) -> [String] {
        var report: [String] = []
        for size in sizes {
            CheckBenchmark.resetPeakRSS()
            let (snapshot, paid) = ledger(statementLines: size)
            let run = measure(snapshot, paid: paid, runs: runs)
            let line = String(format: "%@ statement lines against %@ open items: %.3f s (median of %d; indexes %.3f s) = %@ lines/s, top candidate right for %.1f %%, peak RSS %@ MB, digest %016llx",
                              size.formatted(), (2 * size).formatted(), run.seconds, runs, run.indexSeconds,
                              Int(Double(size) / run.seconds).formatted(),
                              Double(run.right) / Double(size) * 100, CheckBenchmark.peakRSSMegabytes().map { String($0) } ?? "?", run.digest)
            print(line)
            report.append(line)
        }
        return report
    }

    struct Measurement {
        /// Median wall time of building the indexes and proposing for every line, and of the indexes alone.
        var seconds: Double
        var indexSeconds: Double
        /// Lines whose top candidate is exactly the invoices the line pays.
        var right: Int
        var digest: UInt64
    }

    /// Matches every statement line of `snapshot` `runs` times; `paid` holds, per line, the item lines it pays.
    static func measure(_ snapshot: LedgerSnapshot, paid: [[Int]], runs: Int) -> Measurement {
        var times: [Double] = [], indexing: [Double] = []
        var right = 0
        var fingerprint: UInt64 = 0
        for _ in 0..<max(1, runs) {
            let start = ContinuousClock.now
            let matcher = BankMatcher(snapshot: snapshot, model: .prior)
            indexing.append((ContinuousClock.now - start).seconds)
            let proposals = matcher.proposals(for: snapshot.statementLines)
            times.append((ContinuousClock.now - start).seconds)
            right = zip(proposals, paid).filter { Set($0.best?.itemLineIDs ?? []) == Set($1) }.count
            fingerprint = digest(proposals)
        }
        return Measurement(seconds: times.sorted()[times.count / 2], indexSeconds: indexing.sorted()[indexing.count / 2],
                           right: right, digest: fingerprint)
    }

    /// FNV-1a over every field of every proposal and candidate, probabilities to the bit: two runs that
    /// propose anything differently (a candidate, its rank, its score or its reason) differ.
    static func digest(_ proposals: [MatchProposal]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x1E) &* 0x100_0000_01b3
        }
        for proposal in proposals {
            add("\(proposal.statementLineID) \(proposal.date) \(proposal.amount) \(proposal.text) \(proposal.partnerID ?? 0) "
                + "\(proposal.decision.rawValue) \(proposal.reason) \(proposal.modelVersion)")
            for candidate in proposal.candidates {
                add("\(candidate.itemLineIDs) \(candidate.documents) \(candidate.shape.rawValue) \(candidate.writeOff.map { "\($0)" } ?? "-") "
                    + "\(candidate.writeOffAccountID ?? 0) \(candidate.writeOffAccount ?? "-") \(candidate.probability.bitPattern) \(candidate.reason)")
            }
        }
        return hash
    }

    /// The ledger and, per statement line, the invoice lines it pays.
    static func ledger(statementLines count: Int) -> (LedgerSnapshot, [[Int]]) {
        let usd = Currency(id: 1, code: .usd)
        var seeded = DemoRandom(seed: 42)
        let partnerCount = max(10, count / 20)
        let partners = (1...partnerCount).map { Partner(id: $0, name: "Customer \($0) Trading", bankAccounts: ["DE\(String(format: "%020d", $0))"]) }
        let start = LocalDate(year: 2026, month: 1, day: 1)!
        var moves: [Move] = [], lines: [JournalLine] = []
        moves.reserveCapacity(2 * count); lines.reserveCapacity(2 * count)
        for index in 0..<(2 * count) {
            let id = index + 1
            let partner = Int(seeded.next() % UInt64(partnerCount)) + 1
            let cents = Int64(seeded.next() % 5_000_000) + 1_000
            let date = start.adding(days: Int(seeded.next() % 300))
            let stamp = Timestamp(date: date)
            moves.append(Move(id: id, name: String(format: "INV/2026/%06d", id), state: .posted, type: .customerInvoice, date: date,
                              dueDate: date.adding(days: 30), journalID: 1, partnerID: partner, currencyID: 1, amountTotal: usd.money(cents),
                              amountResidual: usd.money(cents), audit: RecordAudit(createdBy: nil, createdAt: stamp, writtenBy: nil, writtenAt: stamp)))
            lines.append(JournalLine(id: id, moveID: id, date: date, accountID: 1, partnerID: partner, label: "", debit: usd.money(cents),
                                     credit: usd.zero, currencyID: 1, amountResidual: usd.money(cents), kind: .paymentTerm))
        }
        var statements: [StatementLine] = [], paid: [[Int]] = []
        statements.reserveCapacity(count)
        for index in 0..<count {
            let first = 2 * index + 1
            let together = index % 20 == 0 ? [first, first + 1].filter { moves[$0 - 1].partnerID == moves[first - 1].partnerID } : [first]
            let amount = together.reduce(Int64(0)) { $0 + lines[$1 - 1].debit.minorUnits }
            let name = moves[first - 1].name
            let text: String? = switch index % 10 {
            case 0...4: together.map { moves[$0 - 1].name }.joined(separator: ", ")
            case 5, 6: "Payment " + name.replacingOccurrences(of: "/", with: " ")
            case 7, 8: String(first)
            default: nil
            }
            let partner = moves[first - 1].partnerID!
            statements.append(StatementLine(id: index + 1, moveID: 10_000_000 + index, journalID: 2, date: moves[first - 1].date.adding(days: 20),
                                            paymentRef: text, partnerName: partners[partner - 1].name,
                                            accountNumber: index % 3 == 0 ? partners[partner - 1].bankAccounts[0] : nil, amount: usd.money(amount)))
            paid.append(together)
        }
        let snapshot = LedgerSnapshot(
            company: Company(id: 1, name: "Bench Co", currency: usd), currencies: [usd],
            accounts: [Account(id: 1, code: "121000", name: "Receivable", type: .receivable, reconcile: true)],
            journals: [Journal(id: 1, code: "INV", name: "Invoices", type: .sale), Journal(id: 2, code: "BNK1", name: "Bank", type: .bank)],
            partners: partners, moves: moves, lines: lines, statementLines: statements)
        return (snapshot, paid)
    }
}
