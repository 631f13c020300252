@testable import BankMatching
@testable import CloserBench
import DemoCompany
import Ledger
import Testing

/// Making matching faster must not change what it proposes: these digests (every proposal, every
/// candidate, its rank, probability to the bit and reason; see MatchBenchmark.digest) were recorded with
/// the matcher as it was before the speed work of issue 22. A digest that changes means a change in
/// results: intended ones (a new feature, a different demo company) re-record it and say so in the commit.
@Suite struct MatchResultsUnchangedTests {
    /// Demo companies with their trained models (history examples, partner names, references, 1:N,
    /// write-offs, counterparts): the close period's proposals, and a proposal for every statement line
    /// of the year (the reconciled ones too, so that far more lines are compared).
    @Test(arguments: [
        (UInt64(42), 73, "fc41cb24c1a0f4ed", "5f16d83469640d93"),
        (7, 65, "121a3b476ea0bc4e", "8f2875d2c4bb44cd"),
        (2026, 81, "83583050e81bd60d", "692508114990c49d"),
    ])
    func demoCompanyProposalsAreUnchanged(seed: UInt64, count: Int, period: String, year: String) {
        let book = DemoCompany.generate(DemoOptions(seed: seed))
        let matcher = BankMatcher(snapshot: book.snapshot)
        let proposals = matcher.proposals(through: book.groundTruth.period.end)
        #expect(proposals.count == count)
        #expect(String(MatchBenchmark.digest(proposals), radix: 16) == period)
        #expect(String(MatchBenchmark.digest(matcher.proposals(for: book.snapshot.statementLines)), radix: 16) == year)
    }

    /// The benchmark's synthetic ledger: 100,000 statement lines against 200,000 open invoices.
    @Test func generatedLedgerProposalsAreUnchanged() {
        let (snapshot, _) = MatchBenchmark.ledger(statementLines: 100_000)
        let proposals = BankMatcher(snapshot: snapshot, model: .prior).proposals(for: snapshot.statementLines)
        #expect(String(MatchBenchmark.digest(proposals), radix: 16) == "a26313c7f706699e")
    }
}
