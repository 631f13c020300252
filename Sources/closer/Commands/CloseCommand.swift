import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Ledger
import OdooLedger

struct CloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Run the close's sequence (pull, check, reconcile, propose, checklist) and show where it stands; approves and writes nothing.")

    @OptionGroup var scope: LedgerScope
    @OptionGroup var connection: ConnectionOptions
    @Option(help: "The period to close, YYYY-MM.") var period: String
    @Option(help: "The day the close is done, YYYY-MM-DD (default: today, UTC).") var asOf: String?
    @Flag(help: "Work on the stored ledger instead of pulling from Odoo first.") var noPull = false

    func validate() throws {
        do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) }
        if let asOf, LocalDate(iso: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date: write YYYY-MM-DD.") }
    }

    func run() async throws {
        let ruleSet = try RuleSet.resolve(explicit: scope.rules)   // a malformed file stops here, before anything runs
        let store = try scope.common.openStore()
        let service = CloseRunService(store: store, actor: try scope.common.actor(store, for: nil), ruleSet: ruleSet)
        let standing: CloseStanding
        if noPull {
            standing = try await service.run(pullingFrom: nil, sourceKey: try scope.source ?? CheckService.onlySourceKey(in: store),
                                             period: try Period(parsing: period), asOf: LocalDate.asOf(asOf))
        } else {
            let resolver = try scope.common.resolver(flags: connection.flags)
            let settings = try OdooSettings(resolving: resolver)
            let source = OdooGateway.source(settings, store: store)
            let key = source.sourceKey(companyID: try await source.resolvedCompanyID())
            standing = try await service.run(pullingFrom: source, sourceKey: key, period: try Period(parsing: period), asOf: LocalDate.asOf(asOf))
            await RunEndPublication.publish(store: store, settings: settings, resolver: resolver, json: scope.common.json)
        }
        if scope.common.json { return try Output.json(standing) }
        CloseStandingText.print(standing)
    }
}

enum CloseStandingText {
    static func print(_ standing: CloseStanding) {
        func counts(_ values: [String: Int]) -> String {
            values.isEmpty ? "none" : values.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        }
        Swift.print("Close of \(standing.period) for \(standing.source), as of \(standing.asOf)")
        if let pulled = standing.pulled {
            Swift.print("  pulled        \(pulled.received.moves) moves, \(pulled.received.lines) lines (\(pulled.incremental ? "incremental" : "complete"))")
        }
        Swift.print("  findings      " + counts(standing.findingsBySeverity))
        Swift.print("  bank matches  " + counts(standing.bankMatchesByDecision))
        Swift.print("  adjustments   " + counts(standing.adjustmentsByStatus))
        Swift.print("  checklist     " + standing.checklist)
        if standing.locked {
            Swift.print("  lock          verified in Odoo")
        } else if standing.lockBlockers.isEmpty {
            Swift.print("  lock          ready: `closer lock request --period \(standing.period)`")
        } else {
            Swift.print("  lock          blocked by:")
            for blocker in standing.lockBlockers { Swift.print("    - \(blocker)") }
        }
    }
}
