/// Told about every attempt of every Odoo call, e.g. to keep latency and error metrics. It sees
/// the call's label ("account.move.search_read"), never its arguments, so no secret reaches it.
public protocol OdooCallObserver: Sendable {
    func odooCall(_ label: String, seconds: Double, error: OdooError?)
}
