import Foundation

/// The records an Odoo automation rule may report, and which record it was. Closer re-reads the company's
/// changes itself (an incremental pull), so the webhook only needs to say that something changed.
public struct OdooWebhookTouch: Sendable, Hashable, Codable {
    public var model: String
    public var recordID: Int
    /// Odoo's "Name(#id)" of the server action that sent it.
    public var action: String?
    /// `company_id`, when the rule sends that field.
    public var companyID: Int?
}

/// Checks and reads what an Odoo 17/18 "Send Webhook Notification" server action posts: a JSON object
/// with `_model`, `_id`, `_action` and the fields the rule selected. Odoo sends no custom headers, so the
/// shared secret travels in the URL (`?token=…`); other callers may send the `X-Closer-Webhook-Secret`
/// header instead. Pure: it decides and parses; the caller refreshes and answers.
public struct OdooWebhookReceiver: Sendable {
    public static let secretHeader = "X-Closer-Webhook-Secret"
    public static let tokenParameter = "token"
    /// The models Closer pulls: a change to anything else cannot change a finding.
    public static let models: Set<String> = [
        "account.move", "account.move.line", "account.bank.statement.line", "account.account", "account.journal", "account.tax",
        "account.payment", "account.partial.reconcile", "res.partner", "res.partner.bank", "res.company", "res.currency",
        "purchase.order", "purchase.order.line", "sale.order", "sale.order.line",
    ]
    public static let maximumBodyBytes = 1 << 20

    public var secret: WebhookSecret

    public init(secret: WebhookSecret) { self.secret = secret }

    /// Verifies the secret first (nothing else is read before that), then the payload.
    public func receive(headers: [String: String], query: [String: String], body: [UInt8]) throws(OdooWebhookError) -> OdooWebhookTouch {
        let header = headers.first { $0.key.caseInsensitiveCompare(Self.secretHeader) == .orderedSame }?.value
        guard let given = header ?? query[Self.tokenParameter], !given.isEmpty else { throw .missingSecret }
        guard secret.matches(given) else { throw .wrongSecret }
        guard body.count <= Self.maximumBodyBytes else { throw .tooLarge(bytes: body.count) }
        guard let payload = try? JSONDecoder().decode(Payload.self, from: Data(body)) else { throw .malformed("the body is not a JSON object") }
        guard let model = payload.model, !model.isEmpty else { throw .malformed("the body has no \"_model\"") }
        guard let id = payload.id, id > 0 else { throw .malformed("the body has no positive integer \"_id\"") }
        guard Self.models.contains(model) else { throw .unsupportedModel(model) }
        return OdooWebhookTouch(model: model, recordID: id, action: payload.action, companyID: payload.companyID)
    }

    /// The keys Closer reads; the other fields the rule selected are ignored. A field of another type than
    /// expected reads as absent (Odoo writes `false` for an empty many2one).
    struct Payload: Decodable {
        var model: String?, id: Int?, action: String?, companyID: Int?

        enum CodingKeys: String, CodingKey {
            case model = "_model", id = "_id", action = "_action", companyID = "company_id"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            model = try? container.decode(String.self, forKey: .model)
            id = try? container.decode(Int.self, forKey: .id)
            action = try? container.decode(String.self, forKey: .action)
            companyID = try? container.decode(Int.self, forKey: .companyID)
        }
    }
}

/// Why a webhook was refused: a stable code, the HTTP status to answer with, and a sentence (never the secret).
public enum OdooWebhookError: Error, Equatable, CustomStringConvertible {
    case missingSecret
    case wrongSecret
    case tooLarge(bytes: Int)
    case malformed(String)
    case unsupportedModel(String)

    public var code: String {
        switch self {
        case .missingSecret: "missing-secret"
        case .wrongSecret: "wrong-secret"
        case .tooLarge: "payload-too-large"
        case .malformed: "malformed-payload"
        case .unsupportedModel: "unsupported-model"
        }
    }

    public var httpStatus: Int {
        switch self {
        case .missingSecret, .wrongSecret: 401
        case .tooLarge: 413
        case .malformed: 400
        case .unsupportedModel: 422
        }
    }

    public var description: String {
        switch self {
        case .missingSecret:
            "The webhook carries no secret: add ?token=<secret> to the URL of the Odoo server action (or send the \(OdooWebhookReceiver.secretHeader) header)."
        case .wrongSecret:
            "The webhook's secret is wrong: it must equal the value of the environment variable named by webhooks.inbound.secret_env."
        case .tooLarge(let bytes):
            "The webhook body is \(bytes) bytes, more than \(OdooWebhookReceiver.maximumBodyBytes): select fewer fields in the Odoo server action."
        case .malformed(let detail):
            "The webhook payload is not what Odoo's \"Send Webhook Notification\" sends: \(detail)."
        case .unsupportedModel(let model):
            "Closer does not read \(model): point the automation rule at one of \(OdooWebhookReceiver.models.sorted().joined(separator: ", "))."
        }
    }
}
