/// One setting Closer reads, with where it may come from. The list below is the single place
/// that names flags, environment variables and config-file keys.
public struct Setting: Hashable, Sendable {
    public var key: String          // config-file key path, e.g. "odoo.url"
    public var flag: String         // e.g. "--url"
    public var environment: String  // e.g. "CLOSER_ODOO_URL"
    public var isSecret: Bool

    public static let odooURL = Setting(key: "odoo.url", flag: "--url", environment: "CLOSER_ODOO_URL", isSecret: false)
    public static let odooDatabase = Setting(key: "odoo.database", flag: "--db", environment: "CLOSER_ODOO_DB", isSecret: false)
    public static let odooUser = Setting(key: "odoo.user", flag: "--user", environment: "CLOSER_ODOO_USER", isSecret: false)
    public static let odooPassword = Setting(key: "odoo.password", flag: "--password", environment: "CLOSER_ODOO_PASSWORD", isSecret: true)
    public static let odooAPIKey = Setting(key: "odoo.api_key", flag: "--api-key", environment: "CLOSER_ODOO_API_KEY", isSecret: true)
    public static let odooProtocol = Setting(key: "odoo.protocol", flag: "--protocol", environment: "CLOSER_ODOO_PROTOCOL", isSecret: false)
    public static let odooCompany = Setting(key: "odoo.company", flag: "--company", environment: "CLOSER_ODOO_COMPANY", isSecret: false)
    public static let mode = Setting(key: "mode", flag: "--mode", environment: "CLOSER_MODE", isSecret: false)
    public static let store = Setting(key: "store", flag: "--store", environment: "CLOSER_STORE", isSecret: false)
    public static let historyMonths = Setting(key: "pull.history_months", flag: "--history-months", environment: "CLOSER_HISTORY_MONTHS", isSecret: false)
    public static let pageSize = Setting(key: "pull.page_size", flag: "--page-size", environment: "CLOSER_PAGE_SIZE", isSecret: false)
    public static let odooMaxConcurrentCalls = Setting(key: "odoo.max_concurrent_calls", flag: "--max-concurrent-calls",
                                                       environment: "CLOSER_ODOO_MAX_CONCURRENT_CALLS", isSecret: false)
    public static let timeoutSeconds = Setting(key: "pull.timeout_seconds", flag: "--timeout", environment: "CLOSER_TIMEOUT", isSecret: false)
    public static let narrativeURL = Setting(key: "narrative.url", flag: "--narrative-url", environment: "CLOSER_NARRATIVE_URL", isSecret: false)
    public static let narrativeModel = Setting(key: "narrative.model", flag: "--narrative-model", environment: "CLOSER_NARRATIVE_MODEL", isSecret: false)
    public static let narrativeAPIKey = Setting(key: "narrative.api_key", flag: "--narrative-key", environment: "CLOSER_NARRATIVE_API_KEY", isSecret: true)
    public static let narrativeTimeout = Setting(key: "narrative.timeout_seconds", flag: "--narrative-timeout", environment: "CLOSER_NARRATIVE_TIMEOUT", isSecret: false)
    public static let auditKeyFile = Setting(key: "audit.key_file", flag: "--audit-key-file", environment: "CLOSER_AUDIT_KEY_FILE", isSecret: false)
    public static let auditSigningKey = Setting(key: "audit.signing_key", flag: "--audit-signing-key", environment: "CLOSER_AUDIT_SIGNING_KEY", isSecret: true)
    public static let auditPublicKeys = Setting(key: "audit.public_keys", flag: "--audit-public-keys", environment: "CLOSER_AUDIT_PUBLIC_KEYS", isSecret: false)
    public static let auditPublicKeysFile = Setting(key: "audit.public_keys_file", flag: "--audit-public-keys-file",
                                                    environment: "CLOSER_AUDIT_PUBLIC_KEYS_FILE", isSecret: false)

    public static let all: [Setting] = [odooURL, odooDatabase, odooUser, odooPassword, odooAPIKey, odooProtocol, odooCompany,
                                        mode, store, historyMonths, pageSize, odooMaxConcurrentCalls, timeoutSeconds,
                                        narrativeURL, narrativeModel, narrativeAPIKey, narrativeTimeout,
                                        auditKeyFile, auditSigningKey, auditPublicKeys, auditPublicKeysFile]
}
