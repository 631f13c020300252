import ArgumentParser
import CloseSettings
import CloseStore
import Governance
import Ledger

/// What `closer withdraw` and `closer reconcile withdraw` take: which proposals and why, and how they print.
struct WithdrawalArguments: ParsableArguments {
    @OptionGroup var scope: LedgerScope
    @Argument(help: "Proposal ids.") var ids: [Int64]
    @Option(help: "Why the decision is taken back: the next reviewer and the auditors read it.") var reason: String

    /// Withdraws as the signed-in user with `withdraw(store, ledger, actor)` and prints one line per proposal.
    func run<Proposal>(id: (Proposal) -> Int64,
                       _ withdraw: (AppDatabase, SourceKey, String) throws -> [Withdrawal<Proposal>]) throws {
        let (store, key) = try scope.openStore()
        let withdrawn = try withdraw(store, key, try scope.common.actor(store, for: .decide))
        if scope.common.json { return try Output.json(withdrawn) }
        for withdrawal in withdrawn { print(ReviewText.withdrawal(withdrawal, id: id(withdrawal.proposal))) }
    }
}
