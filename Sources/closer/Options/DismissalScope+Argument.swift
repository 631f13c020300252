public import ArgumentParser
public import CloseChecks

/// `closer findings dismiss --scope record|partner|account|kind`.
extension DismissalScope.Choice: ExpressibleByArgument {}
