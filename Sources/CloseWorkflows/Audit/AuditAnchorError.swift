/// Why a checkpoint could not be signed or published; each says what to do.
public enum AuditAnchorError: Error, Equatable, CustomStringConvertible {
    case noSigningKey
    case emptyTrail

    public var description: String {
        switch self {
        case .noSigningKey:
            "No audit signing key is configured: set CLOSER_AUDIT_KEY_FILE to a key file (`closer audit keygen --output FILE` makes one) "
                + "or CLOSER_AUDIT_SIGNING_KEY to the key."
        case .emptyTrail: "The audit trail holds no event yet: there is no head to sign."
        }
    }
}
