extension Duration {
    /// Elapsed time as fractional seconds, for reports and benchmarks (never for money).
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
