public import CloseStore
public import Foundation
import CloseSettings
public import Ledger

/// closer-automation.yaml: the service's webhooks and scheduled runs. Its lists do not fit closer.yaml's
/// flat keys, so it is a file of its own, read like the rule set (errors name file, line and key).
/// Secrets are never in the file: it names the environment variables that hold them.
public struct AutomationConfig: Sendable {
    public static let defaultPath = "closer-automation.yaml"

    /// Odoo automation rules calling Closer ("Send Webhook Notification").
    public struct Inbound: Sendable {
        public var secret: WebhookSecret
        public var secretVariable: String
        /// The ledger the webhooks refresh; nil means the only ledger in the store.
        public var sourceKey: SourceKey?
        /// Webhooks arriving within this time trigger one refresh.
        public var coalescing: Duration
    }

    /// Notifications Closer sends.
    public struct Outbound: Sendable {
        public var signingSecret: WebhookSecret
        public var signingSecretVariable: String
        public var maxAttempts: Int
        public var timeout: Duration
        public var targets: [WebhookTarget]
    }

    public var origin: String
    public var inbound: Inbound?
    public var outbound: Outbound?
    public var schedules: [CloseSchedule]

    public init(origin: String, inbound: Inbound? = nil, outbound: Outbound? = nil, schedules: [CloseSchedule] = []) {
        self.origin = origin
        self.inbound = inbound
        self.outbound = outbound
        self.schedules = schedules
    }

    /// Loads `path`; with no explicit path, a missing ./closer-automation.yaml means no webhooks and no schedules.
    public static func load(path explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AutomationConfig? {
        let path = explicit ?? defaultPath
        guard explicit != nil || FileManager.default.fileExists(atPath: path) else { return nil }
        return try AutomationConfig(origin: path, bytes: try RuleSetReader.bytes(ofFile: path), environment: environment)
    }
}
