import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Ledger

/// Options of the commands that work on one pulled ledger: the store, which ledger, and the rule set.
struct LedgerScope: ParsableArguments {
    @OptionGroup var common: CommonOptions
    @Option(help: "Which pulled ledger (default: the only one in the store).") var source: SourceKey?
    @Option(help: "The rule-set file (default: ./closer-rules.yaml when present, else the built-in rules).") var rules: String?

    /// The rule set first, so a malformed file stops the command before the store is touched.
    func open() throws -> (ruleSet: RuleSet, store: AppDatabase, sourceKey: SourceKey) {
        let ruleSet = try RuleSet.resolve(explicit: rules)
        let (store, key) = try openStore()
        return (ruleSet, store, key)
    }

    /// The store and the ledger, for commands the rule set does not concern.
    func openStore() throws -> (store: AppDatabase, sourceKey: SourceKey) {
        let store = try common.openStore()
        return (store, try source ?? CheckService.onlySourceKey(in: store))
    }
}
