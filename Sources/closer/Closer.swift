import ArgumentParser

@main
struct Closer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "closer",
        abstract: "Closes the books of companies that run Odoo: pull, check, propose, approve, lock — with an audit trail.",
        version: "0.1.0",
        subcommands: [DemoCommand.self, ConnectCommand.self, PullCommand.self, CheckCommand.self, ChecksCommand.self, FluxCommand.self, ReconcileCommand.self,
                      ProposeCommand.self, ProposalsCommand.self, ApproveCommand.self, RejectCommand.self, WithdrawCommand.self, ApplyCommand.self, RollbackCommand.self,
                      IntercompanyCommand.self, UsersCommand.self, ChecklistCommand.self, TaskCommand.self, TodoCommand.self, FindingsCommand.self, LockCommand.self, CloseCommand.self,
                      AuditCommand.self, PackageCommand.self, PayablesCommand.self, CollectionsCommand.self, PaymentsCommand.self, ExpensesCommand.self, DutiesCommand.self, OperationsCommand.self, ServeCommand.self,
                      EnqueueCommand.self, WorkerCommand.self, FirmMetricsCommand.self, FirmUsersCommand.self, FirmConsoleCommand.self])

    /// As ArgumentParser's own, except that a file error becomes a sentence on its way out.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: FileProblem(error) ?? error)
        }
    }
}
