public import Adjustments
public import BankMatching
public import CloseChecks
public import Expenses
public import Governance
public import Payables
public import Receivables
public import Treasury
import Crypto
public import Foundation
import Yams

/// A versioned rule-set file (closer-rules.yaml): the checks' rules, the anomaly detectors'
/// thresholds, the flux thresholds, and the checks or detectors to skip. Loading is all or nothing:
/// any unknown key, wrong type, unknown id or unsupported schema_version throws an error naming the
/// file, line and key, before anything runs.
public struct RuleSet: Sendable, Equatable {
    public static let defaultPath = "closer-rules.yaml"
    public static let supportedSchemaVersions = [1]

    /// Where the rules came from: a file path, or "built-in".
    public var origin: String
    public var schemaVersion: Int
    public var rules: CheckRules
    public var anomalyThresholds: AnomalyThresholds
    public var flux: FluxThresholds
    public var matching: MatchRules
    public var adjustments: AdjustmentRules
    /// Who must approve which proposals (kind, amount) before anything reaches Odoo.
    public var approvals: ApprovalPolicy
    public var lock: LockPolicy
    public var payables: PayablesRules
    public var receivables: ReceivablesRules
    public var treasury: TreasuryRules
    public var expenses: ExpenseRules
    /// Who owns each kind of open business exception, and its SLA.
    public var operations: ExceptionPolicy
    /// How findings are fitted to the company, grouped and ranked after the checks run.
    public var triage: TriageRules
    /// Check and detector ids to skip.
    public var disabledChecks: [String]
    /// SHA-256 of the file's bytes, lowercase hex (for the built-in rules, of `builtInText`).
    public var sha256: String

    /// The checks this rule set runs, in registry order.
    /// Every id a check run can report: the checks, the anomaly detectors, and the prepaid costs expensed at once.
    public static var checkIDs: [String] { CheckRegistry.all.map(\.id) + AnomalyRegistry.all.map(\.id) + [PrepaidExpenseDetector.checkID] }

    /// Whether the check run looks for prepaid costs expensed at once (Adjustments' detector, run by the check service).
    public var checksPrepaidExpenses: Bool { !disabledChecks.contains(PrepaidExpenseDetector.checkID) }

    public var checks: [Check] { CheckRegistry.all.filter { !disabledChecks.contains($0.id) } }
    /// The anomaly detectors this rule set runs, in registry order.
    public var detectors: [AnomalyDetector] { AnomalyRegistry.all.filter { !disabledChecks.contains($0.id) } }

    /// The defaults, byte for byte the committed rules/closer-rules.yaml, so both hash the same.
    public static let builtIn: RuleSet = {
        do { return try RuleSet(origin: "built-in", bytes: Data(builtInText.utf8)) } catch { fatalError("built-in rule set: \(error)") }
    }()

    /// Loads a rule-set file.
    public static func load(path: String) throws -> RuleSet {
        try RuleSet(origin: path, bytes: RuleSetReader.bytes(ofFile: path))
    }

    /// `--rules FILE` when given, else ./closer-rules.yaml when present, else the built-in defaults.
    public static func resolve(explicit: String?) throws -> RuleSet {
        if let explicit { return try load(path: explicit) }
        if FileManager.default.fileExists(atPath: defaultPath) { return try load(path: defaultPath) }
        return builtIn
    }

    static let topLevelKeys = ["schema_version", "analytic_required_code_prefixes", "suspense_account_codes", "clearing_account_codes",
                               "late_posting_grace_days", "tax_required_code_prefixes", "disabled_checks", "anomalies", "flux", "reconciliation", "adjustments",
                               "approvals", "lock", "payables", "receivables", "treasury",
                               "expenses", "operations", "triage"]

    public init(origin: String, bytes: Data) throws {
        self.origin = origin
        sha256 = SHA256.hex(bytes)
        let reader = RuleSetReader(origin: origin)
        guard let root = try reader.root(of: bytes) else { throw RuleSetError(path: origin, line: 1, key: "schema_version", message: "is missing (the file is empty)") }

        var rules = CheckRules()
        var thresholds = AnomalyThresholds()
        var flux = FluxThresholds()
        var matching = MatchRules()
        var adjustments = AdjustmentRules()
        var approvals = ApprovalPolicy()
        var lock = LockPolicy()
        var payables = PayablesRules()
        var receivables = ReceivablesRules()
        var treasury = TreasuryRules()
        var expenses = ExpenseRules()
        var operations = ExceptionPolicy()
        var triage = TriageRules()
        var disabled: [String] = []
        var version: Int?
        for (key, _, value) in try reader.entries(of: root, key: nil, known: Self.topLevelKeys) {
            switch key {
            case "schema_version":
                let number = try reader.integer(value, key)
                guard Self.supportedSchemaVersions.contains(number) else {
                    throw reader.fail(value, key, "\(number) is not supported (supported: \(Self.supportedSchemaVersions.map(String.init).joined(separator: ", ")))")
                }
                version = number
            case "analytic_required_code_prefixes": rules.analyticRequiredCodePrefixes = try reader.strings(value, key).map(\.0)
            case "suspense_account_codes": rules.suspenseAccountCodes = try reader.strings(value, key).map(\.0)
            case "clearing_account_codes": rules.clearingAccountCodes = try reader.strings(value, key).map(\.0)
            case "late_posting_grace_days":
                rules.latePostingGraceDays = value.scalar?.string == "learned" ? nil : try reader.integer(value, key, orWord: "learned")
            case "tax_required_code_prefixes": rules.taxRequiredCodePrefixes = try reader.strings(value, key).map(\.0)
            case "anomalies": thresholds = try Self.anomalyThresholds(value, reader: reader)
            case "flux": flux = try Self.fluxThresholds(value, reader: reader)
            case "reconciliation": matching = try Self.matchRules(value, reader: reader)
            case "adjustments": adjustments = try Self.adjustmentRules(value, reader: reader)
            case "approvals": approvals = try Self.approvalPolicy(value, reader: reader)
            case "lock": lock = try Self.lockPolicy(value, reader: reader)
            case "payables": payables = try Self.payablesRules(value, reader: reader)
            case "receivables": receivables = try Self.receivablesRules(value, reader: reader)
            case "treasury": treasury = try Self.treasuryRules(value, reader: reader)
            case "expenses": expenses = try Self.expenseRules(value, reader: reader)
            case "operations": operations = try Self.exceptionPolicy(value, reader: reader)
            case "triage": triage = try Self.triageRules(value, reader: reader)
            default:   // disabled_checks
                let ids = Set(Self.checkIDs)
                disabled = try reader.strings(value, key).map { id, node in
                    guard ids.contains(id) else { throw reader.fail(node, key, "'\(id)' is not a check or detector id (see `closer checks list`)") }
                    return id
                }
            }
        }
        guard let version else { throw reader.fail(root, "schema_version", "is missing (write `schema_version: 1`)") }
        schemaVersion = version
        self.rules = rules
        anomalyThresholds = thresholds
        self.flux = flux
        self.matching = matching
        self.adjustments = adjustments
        self.approvals = approvals
        self.lock = lock
        self.payables = payables
        self.receivables = receivables
        self.treasury = treasury
        self.expenses = expenses
        self.operations = operations
        self.triage = triage
        disabledChecks = disabled
    }

    static func fluxThresholds(_ node: Node, reader: RuleSetReader) throws -> FluxThresholds {
        var flux = FluxThresholds()
        for (key, _, value) in try reader.entries(of: node, key: "flux", known: ["absolute_amount", "relative_percent", "accounts"]) {
            switch key {
            case "flux.absolute_amount": flux.absolute = Int64(try reader.integer(value, key))
            case "flux.relative_percent": flux.relativePercent = try reader.integer(value, key)
            default: flux.scope = FluxScope(rawValue: try reader.choice(value, key, from: FluxScope.allCases.map(\.rawValue)))!
            }
        }
        return flux
    }
}

extension RuleSet {
    static func matchRules(_ node: Node, reader: RuleSetReader) throws -> MatchRules {
        var rules = MatchRules()
        let known = ["auto_threshold", "auto_margin", "review_threshold", "rounding_tolerance", "fee_tolerance", "fee_max_percent",
                     "rounding_account_code", "fee_account_code", "subset_max_items", "subset_max_size"]
        for (key, _, value) in try reader.entries(of: node, key: "reconciliation", known: known) {
            switch key.dropFirst("reconciliation.".count) {
            case "auto_threshold": rules.autoThreshold = try reader.probability(value, key)
            case "auto_margin": rules.autoMargin = try reader.probability(value, key)
            case "review_threshold": rules.reviewThreshold = try reader.probability(value, key)
            case "rounding_tolerance": rules.roundingTolerance = Int64(try reader.integer(value, key))
            case "fee_tolerance": rules.feeTolerance = Int64(try reader.integer(value, key))
            case "fee_max_percent": rules.feeMaxPercent = Int64(try reader.integer(value, key))
            case "rounding_account_code": rules.roundingAccountCode = try reader.text(value, key)
            case "fee_account_code": rules.feeAccountCode = try reader.text(value, key)
            case "subset_max_items": rules.subsetMaxItems = min(try reader.integer(value, key, minimum: 2), 24)
            default: rules.subsetMaxSize = min(try reader.integer(value, key, minimum: 2), 6)
            }
        }
        guard rules.reviewThreshold <= rules.autoThreshold else {
            throw reader.fail(node, "reconciliation.review_threshold", "must not be above auto_threshold")
        }
        return rules
    }
}

public struct RuleSetError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var line: Int?
    public var key: String?
    public var message: String

    public init(path: String, line: Int? = nil, key: String? = nil, message: String) {
        self.path = path
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): \(key.map { "key '\($0)' " } ?? "")\(message)"
    }
}
