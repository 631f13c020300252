import ArgumentParser
import CloseSettings
import CloseWorkflows
import Ledger

extension TaskCommand {
    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take back a manual task's sign-off (the signer or a controller), with the reason; audited.")
        @OptionGroup var scope: LedgerScope
        @Argument(help: "The task's id, as `closer checklist` shows it, e.g. flux-reviewed.") var id: String
        @Option(help: "Why the sign-off is taken back: the signer and the auditors read it.") var reason: String
        @Option(help: "The checklist's period, YYYY-MM (default: the latest checklist).") var period: String?

        func validate() throws {
            if let period { do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) } }
        }

        func run() async throws {
            let (store, key) = try scope.openStore()
            let board = try ChecklistService(store: store, actor: ActorIdentity.current()).reopen(
                sourceKey: key, period: try period.map(Period.init(parsing:)), taskKey: id, reason: reason, asOf: LocalDate.asOf(nil))
            if scope.common.json { return try Output.json(board) }
            print("Reopened \(id) (\(board.period)): \(reason); checklist \(board.summary).")
        }
    }
}
