import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Ledger

struct LockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lock", abstract: "Lock a period in Odoo: request it (the gate is checked), a controller approves, Closer writes and verifies.",
        subcommands: [Request.self, Approve.self, List.self])

    struct Request: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask for the period's lock: refused with every blocker (findings, tasks, proposals, children), else waits for a controller.")
        @OptionGroup var scope: LedgerScope
        @Option(help: "The period to lock, YYYY-MM.") var period: String
        @Option(help: "A child company's source key; its books must be locked through the period end. Repeatable.") var child: [SourceKey] = []
        @Option(help: "The day to judge the checklist's due dates by, YYYY-MM-DD (default: today, UTC).") var asOf: String?

        func validate() throws {
            do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) }
        }

        func run() async throws {
            let (ruleSet, store, key) = try scope.open()
            let request = try PeriodLockService(store: store, actor: try scope.common.actor(store, for: .requestLock), policy: ruleSet.lock)
                .request(sourceKey: key, period: try Period(parsing: period), children: child, asOf: LocalDate.asOf(asOf))
            if scope.common.json { return try Output.json(request) }
            LockText.print(request)
            if request.status == .refused { throw ExitCode(1) }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve a lock request (a controller): the gate is checked again, Odoo's lock dates are written and read back.")
        @OptionGroup var scope: LedgerScope
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The lock request's id.") var id: Int64
        @Flag(help: "Confirm the irreversible hard lock, when the rule set's lock.fields names it.") var confirmHardLock = false
        @Option(help: "A child company's source key, checked again. Repeatable.") var child: [SourceKey] = []
        @Option(help: "The day to judge the checklist's due dates by, YYYY-MM-DD (default: today, UTC).") var asOf: String?

        func run() async throws {
            let (ruleSet, store, key) = try scope.open()
            let settings = try OdooSettings(resolving: scope.common.resolver(flags: connection.flags))
            let request = try await PeriodLockService(store: store, actor: try scope.common.actor(store, for: .approveLock), policy: ruleSet.lock)
                .approve(id: id, sourceKey: key, settings: settings, confirmHardLock: confirmHardLock, children: child, asOf: LocalDate.asOf(asOf))
            if scope.common.json { return try Output.json(request) }
            LockText.print(request)
            if request.status != .verified { throw ExitCode(1) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the ledger's lock requests.")
        @OptionGroup var scope: LedgerScope

        func run() async throws {
            let (store, key) = try scope.openStore()
            let requests = try store.lockRequests(sourceKey: key)
            if scope.common.json { return try Output.json(requests) }
            if requests.isEmpty { print("No lock requests: `closer lock request --period YYYY-MM` asks for one.") }
            requests.forEach(LockText.print)
        }
    }
}

enum LockText {
    static func print(_ request: LockRequest) {
        let fields = request.fields.map(\.rawValue).joined(separator: ", ")
        Swift.print("[\(request.id)] lock of \(request.period) (\(fields)): \(request.status.rawValue), requested by \(request.requestedBy)"
                    + (request.approvedBy.map { ", approved by \($0)" } ?? ""))
        for blocker in request.blockers { Swift.print("    blocked: \(blocker)") }
        if let detail = request.detail { Swift.print("    \(detail)") }
        if request.status == .requested { Swift.print("    A controller approves with `closer lock approve \(request.id) --mode supervised`.") }
    }
}
