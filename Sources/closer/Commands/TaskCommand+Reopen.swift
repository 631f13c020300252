import ArgumentParser
import CloseWorkflows
import Ledger

extension TaskCommand {
    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take back a manual task's sign-off (the signer or a controller), with the reason; audited.")
        @OptionGroup var task: TaskArguments
        @Option(help: "Why the sign-off is taken back: the signer and the auditors read it.") var reason: String

        func run() async throws {
            try task.run({ "Reopened \(task.id) (\($0.period)): \(reason); checklist \($0.summary)." }) { service, key, period in
                try service.reopen(sourceKey: key, period: period, taskKey: task.id, reason: reason, asOf: LocalDate.asOf(nil))
            }
        }
    }
}
