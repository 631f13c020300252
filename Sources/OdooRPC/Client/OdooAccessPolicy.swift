/// Which ORM methods a client may send. A read-only client refuses every method outside
/// `readMethods` before a single byte leaves the process, so a mode that promises "no writes"
/// holds at the wire whatever the caller does.
public enum OdooAccessPolicy: Sendable, Equatable {
    case readWrite
    /// Only `readMethods`; `mode` names the operating mode that asked for it, for the refusal.
    case readOnly(mode: String)

    /// ORM methods that only read. Everything else (create, write, unlink, message_post,
    /// action_post, reconcile, …) may change data and is refused by a read-only client.
    public static let readMethods: Set<String> = [
        "search", "search_read", "search_count", "read", "fields_get", "read_group",
        "name_search", "name_get", "check_access_rights", "has_access",
    ]

    /// Throws `OdooError.writeRefused` when this policy forbids `model.method`.
    func authorize(model: String, method: String) throws {
        guard case .readOnly(let mode) = self, !Self.readMethods.contains(method) else { return }
        throw OdooError.writeRefused(model: model, method: method, mode: mode)
    }
}
