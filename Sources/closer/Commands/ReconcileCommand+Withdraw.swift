import ArgumentParser
import CloseStore
import CloseWorkflows

extension ReconcileCommand {
    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Withdraw your approval or rejection of bank matches not yet applied (a controller: anyone's), with the reason; audited.")
        @OptionGroup var arguments: WithdrawalArguments

        func run() async throws {
            try arguments.run(id: \StoredMatchProposal.id) { store, key, actor in
                try ReconcileService(store: store, actor: actor).withdraw(ids: arguments.ids, sourceKey: key, reason: arguments.reason)
            }
        }
    }
}
