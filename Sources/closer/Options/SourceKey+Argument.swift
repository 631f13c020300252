public import ArgumentParser
public import Ledger

/// `--source`, `--child`, `--parent`, `--into` take a source key as `closer pull` stored it.
extension SourceKey: ExpressibleByArgument {
    public init?(argument: String) {
        guard !argument.isEmpty else { return nil }
        self.init(argument)
    }
}
