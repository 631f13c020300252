public import CloseChecks
import Ledger
import Foundation

/// Everything about one flux variance that may leave the process to be rephrased, and nothing else:
/// the account's code and name, the comparison, the three amounts, the deterministic narrative, and
/// the top drivers' names and amounts. No ledger lines, partner lists, ids, or settings. Its JSON is
/// the user message, word for word.
public struct NarrativePrompt: Sendable, Codable, Hashable {
    public struct Driver: Sendable, Codable, Hashable {
        public var name: String
        public var amount: String
    }

    public var accountCode: String
    public var accountName: String
    /// E.g. "Against the prior period (2026-09)".
    public var comparison: String
    public var currency: String
    /// Decimal text as written in the narrative, e.g. "7,700.00" (debits minus credits).
    public var current: String
    public var base: String
    public var delta: String
    public var narrative: String
    /// The entries that drove the movement, largest first (at most three).
    public var drivers: [Driver]

    public init(_ variance: FluxVariance) {
        accountCode = variance.code
        accountName = variance.name
        comparison = "\(variance.comparison.title) (\(variance.baseLabel))"
        currency = variance.delta.currency.description
        current = Self.amountText(variance.current)
        base = Self.amountText(variance.base)
        delta = Self.amountText(variance.delta)
        narrative = variance.narrative
        drivers = variance.topEntries.prefix(3).map { Driver(name: $0.name, amount: Self.amountText($0.amount)) }
    }

    /// The instructions sent as the system message.
    public static let instructions = """
        You rewrite one sentence of a month-end flux commentary for a company's controller. \
        You receive JSON describing one account's movement and a deterministic narrative. \
        Rewrite the narrative as one or two plain, professional sentences (at most 400 characters). \
        Copy every amount and percentage exactly as written in the narrative, with its sign and digits; \
        do not round, convert, add up or invent numbers, and do not add causes that are not in the data. \
        Answer with the rewritten text only.
        """

    /// The user message: this value's JSON, sorted keys.
    public var userMessage: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    public func request(model: String) -> ChatCompletionRequest {
        ChatCompletionRequest(model: model, messages: [ChatMessage(role: "system", content: Self.instructions),
                                                       ChatMessage(role: "user", content: userMessage)])
    }

    /// "6,700.00": grouped like the narrative, without the currency code.
    static func amountText(_ money: Money) -> String {
        let text = money.description
        let suffix = " " + money.currency.description
        return text.hasSuffix(suffix) ? String(text.dropLast(suffix.count)) : text
    }
}
