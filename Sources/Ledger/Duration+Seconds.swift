extension Duration {
    /// Elapsed time as fractional seconds, for reports and benchmarks (never for money).
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

extension Duration {
    /// Rounded up to whole seconds and at least one second, as URLSession timeouts take them.
    public var timeoutSeconds: Double { max(1, seconds.rounded(.up)) }
}
