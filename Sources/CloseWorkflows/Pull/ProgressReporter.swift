/// Where long work reports how far it got: a terminal line in the CLI (`TerminalProgress`), nothing
/// in the server or tests. Workflows count; front ends decide whether and how to show it.
public protocol ProgressReporter: Sendable {
    /// Starts timing the next stretch of work (the rate is measured from here).
    func restartClock()
    /// `count` items of `what` done so far.
    func update(_ what: String, count: Int)
    /// The stretch is over: clear whatever was drawn.
    func finish()
}
