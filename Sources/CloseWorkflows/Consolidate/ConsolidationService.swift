public import Adjustments
public import CloseStore
public import Ledger

/// `closer intercompany`: loads the group's ledgers from the store by source key, matches their
/// intercompany balances and trade, and drafts the eliminations for the consolidation company (or
/// the worksheet when there is none). `propose` stores the eliminations for review.
public struct ConsolidationService: Sendable {
    public var store: AppDatabase

    public init(store: AppDatabase) { self.store = store }

    public func run(_ request: ConsolidationRequest) throws -> ConsolidationReport {
        let group = try self.group(for: request)
        let match = IntercompanyMatcher(group: group).match(period: request.period)
        let elimination = IntercompanyEliminator(group: group).eliminate(match)
        return ConsolidationReport(
            period: request.period,
            members: group.members.map { member in
                ConsolidationReport.Member(key: member.key, name: member.name, currency: member.currency.code.description,
                                           parentKey: member.parentKey, closed: member.isClosed(through: request.period))
            },
            consolidationCompany: group.consolidation.map { "\($0.company.name), journal \($0.journal.code)" },
            partnerLinks: match.partnerLinks, comparisons: match.comparisons, eliminations: elimination.rows,
            proposals: elimination.proposals, worksheet: elimination.worksheet, waiting: elimination.waiting,
            notes: match.notes + elimination.notes)
    }

    /// Runs the consolidation and stores its elimination entries as proposals of the consolidation
    /// company, to be reviewed, approved and applied like every other adjusting entry. Proposals of an
    /// earlier run that this one no longer makes (a mismatch corrected, a child reopened) are withdrawn.
    public func propose(_ request: ConsolidationRequest, actor: String) throws -> (report: ConsolidationReport, stored: [StoredAdjustment]) {
        let report = try run(request)
        guard let target = request.consolidation?.sourceKey else { return (report, []) }
        let runID = try store.startRun(kind: "intercompany", period: request.period.description, actor: actor)
        let linked = report.proposals.map { proposal in
            var linked = proposal
            linked.company = linked.company.linked(sourceKey: target)
            return linked
        }
        let stored = try store.saveAdjustmentProposals(linked, kinds: [.intercompanyElimination], runID: runID, sourceKey: target,
                                                       period: request.period, actor: actor)
        try store.finishRun(runID, status: .succeeded, summary: AuditPayload([
            "eliminations": String(stored.count), "mismatches": String(report.mismatches.count), "waiting": String(report.waiting.count),
        ]).canonicalJSON, actor: actor)
        return (report, stored)
    }

    /// The members' stored ledgers and the consolidation company's journal and accounts; every
    /// unknown source key and every problem with the group's shape is reported at once.
    func group(for request: ConsolidationRequest) throws -> IntercompanyGroup {
        let known = Set(try store.sourceKeys())
        let unknown = (request.memberKeys + [request.parentKey, request.consolidation?.sourceKey].compactMap { $0 })
            .filter { !known.contains($0) }
        guard unknown.isEmpty else { throw ConsolidationRequestError.notPulled(Array(Set(unknown)).sorted(), known: known.sorted()) }
        if let parent = request.parentKey, !request.memberKeys.contains(parent) {
            throw ConsolidationRequestError.invalidGroup(["The parent \(parent) is not one of the companies listed."])
        }
        var snapshots: [SourceKey: LedgerSnapshot] = [:]
        for key in request.memberKeys where snapshots[key] == nil { snapshots[key] = try store.loadSnapshot(sourceKey: key) }
        let members = request.memberKeys.map { key in
            IntercompanyMember(key: key, snapshot: snapshots[key]!, parentKey: key == request.parentKey ? nil : request.parentKey,
                               partnersForMembers: request.partnerOverrides[key] ?? [:])
        }
        let target = try request.consolidation.map { settings in
            try ConsolidationTarget(in: try snapshots[settings.sourceKey] ?? store.loadSnapshot(sourceKey: settings.sourceKey),
                                    journalCode: settings.journalCode, accountCodes: settings.accountCodes)
        }
        let group = IntercompanyGroup(members: members, consolidation: target, rules: request.rules)
        guard group.problems.isEmpty else { throw ConsolidationRequestError.invalidGroup(group.problems) }
        return group
    }
}

/// What to consolidate, for which period, and where the eliminations go.
public struct ConsolidationRequest: Sendable {
    public var period: Period
    /// The members' source keys, as `closer pull` stored them.
    public var memberKeys: [SourceKey]
    /// The member the others belong to: its consolidation waits for their close.
    public var parentKey: SourceKey?
    /// For a member's key: for another member's key, the partners standing for it in the first one's books.
    public var partnerOverrides: [SourceKey: [SourceKey: [Int]]]
    /// Nil: no consolidation company, a worksheet instead.
    public var consolidation: ConsolidationSettings?
    public var rules: IntercompanyRules

    public init(period: Period, memberKeys: [SourceKey], parentKey: SourceKey? = nil, partnerOverrides: [SourceKey: [SourceKey: [Int]]] = [:],
                consolidation: ConsolidationSettings? = nil, rules: IntercompanyRules = IntercompanyRules()) {
        self.period = period
        self.memberKeys = memberKeys
        self.parentKey = parentKey
        self.partnerOverrides = partnerOverrides
        self.consolidation = consolidation
        self.rules = rules
    }
}

/// The consolidation company (a member or a separate company pulled into the store) and where in its chart eliminations go.
public struct ConsolidationSettings: Sendable, Hashable {
    public var sourceKey: SourceKey
    public var journalCode: String
    public var accountCodes: EliminationAccountCodes

    public init(sourceKey: SourceKey, journalCode: String, accountCodes: EliminationAccountCodes = EliminationAccountCodes()) {
        self.sourceKey = sourceKey
        self.journalCode = journalCode
        self.accountCodes = accountCodes
    }
}

public enum ConsolidationRequestError: Error, Equatable, CustomStringConvertible {
    case notPulled([SourceKey], known: [SourceKey])
    case invalidGroup([String])

    public var description: String {
        switch self {
        case .notPulled(let keys, let known):
            "Nothing has been pulled for \(keys.map(\.text).joined(separator: ", ")): run `closer pull` for each company first. "
                + (known.isEmpty ? "The store holds no ledger yet." : "The store holds \(known.map(\.text).joined(separator: ", ")).")
        case .invalidGroup(let problems):
            problems.joined(separator: "\n")
        }
    }
}
