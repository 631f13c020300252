import ArgumentParser
import CloseStore
import CloseWorkflows

struct WithdrawCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw your approval or rejection of adjusting-entry proposals not yet applied (a controller: anyone's), with the reason; audited.")
    @OptionGroup var arguments: WithdrawalArguments

    func run() async throws {
        try arguments.run(id: \StoredAdjustment.id) { store, key, actor in
            try AdjustmentService(store: store, actor: actor).withdraw(ids: arguments.ids, sourceKey: key, reason: arguments.reason)
        }
    }
}
