import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows

extension ReconcileCommand {
    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Withdraw your approval or rejection of bank matches not yet applied (a controller: anyone's), with the reason; audited.")
        @OptionGroup var scope: LedgerScope
        @Argument(help: "Proposal ids.") var ids: [Int64]
        @Option(help: "Why the decision is taken back: the next reviewer and the auditors read it.") var reason: String

        func run() async throws {
            let (store, key) = try scope.openStore()
            let withdrawn = try ReconcileService(store: store, actor: ActorIdentity.current()).withdraw(ids: ids, sourceKey: key, reason: reason)
            if scope.common.json { return try Output.json(withdrawn) }
            for withdrawal in withdrawn { print(ReviewText.withdrawal(withdrawal, id: withdrawal.proposal.id)) }
        }
    }
}
