public import ArgumentParser
public import CloseChecks
public import Ledger

/// `--until` and `--as-of` of the findings commands take a day, YYYY-MM-DD.
extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

/// `--severity`: blocking, warning or advisory.
extension Severity: ExpressibleByArgument {}
