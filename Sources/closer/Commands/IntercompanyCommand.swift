import Adjustments
import ArgumentParser
import CloseDemo
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Ledger

struct IntercompanyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intercompany",
        abstract: "Match intercompany balances and trade between pulled companies, report mismatches, and draft the consolidation's eliminations.")

    @OptionGroup var common: CommonOptions
    @Option(help: "The period, YYYY-MM.") var period: String
    @Option(help: "The group's companies: their source keys as pulled, comma-separated.") var companies: String?
    @Flag(help: "Pull the demo group (Northwind, parent, and Northwind Robotics) into the store and use it as --companies and --parent.")
    var demo = false
    @Option(help: "The listed company the others belong to: its eliminations wait until they have locked the period.") var parent: SourceKey?
    @Option(help: "The consolidation company (a listed company or another pulled one); without it, a worksheet.") var into: SourceKey?
    @Option(help: "The consolidation company's journal for eliminations (default MISC).") var journal: String?
    @Option(help: "Elimination accounts in the consolidation company: RECEIVABLE,PAYABLE,REVENUE,EXPENSE codes (default 121000,211000,400000,500000).")
    var eliminationAccounts: String?
    @Option(parsing: .singleValue,
            help: "In company A's books, partners P stand for company B: A:B=P[+P…], with A and B positions in --companies (e.g. 1:2=4711). Repeatable.")
    var partner: [String] = []
    @Flag(help: "Where the two sides differ, eliminate the lower and leave the difference (default: report only).") var eliminateLower = false
    @Option(help: "Write the elimination worksheet (CSV) here when there is no consolidation company.") var worksheet: String?

    var memberKeys: [SourceKey] { (companies ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map { SourceKey($0) } }

    func validate() throws {
        do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) }
        var problems: [String] = []
        if demo && (companies != nil || parent != nil) { problems.append("--demo chooses the companies and the parent: drop --companies and --parent.") }
        if !demo && memberKeys.count < 2 { problems.append("--companies needs at least two source keys, comma-separated (or try --demo).") }
        if journal != nil && into == nil { problems.append("--journal needs --into (the consolidation company).") }
        if worksheet != nil && into != nil { problems.append("--worksheet is for a group without a consolidation company: drop --into or --worksheet.") }
        if let eliminationAccounts, eliminationAccounts.split(separator: ",").count != 4 {
            problems.append("--elimination-accounts takes four account codes: RECEIVABLE,PAYABLE,REVENUE,EXPENSE.")
        }
        let count = demo ? 2 : memberKeys.count
        for mapping in partner where Self.partnerMapping(mapping, count: count) == nil {
            problems.append("--partner \(mapping): write A:B=PARTNER_ID with A and B positions (1 to \(count)) in --companies.")
        }
        if let parent, !memberKeys.contains(parent) { problems.append("--parent \(parent) is not one of --companies.") }
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
    }

    func run() async throws {
        // --demo pulls the demo group, so it may create the store; otherwise the store must exist.
        let store = try demo ? AppDatabase.openOrCreate(at: try common.resolver().storePath) : common.openStore()
        // The demo group is a demonstration in a store of its own: whoever runs it prepares its eliminations.
        let actor = demo ? ActorIdentity.operatingSystemAccount() : try common.actor(store, for: .prepare)
        var keys = memberKeys, parent = parent
        if demo {
            let pulled = try await DemoGroupService(store: store, actor: actor).pull(period: try Period(parsing: period))
            (keys, parent) = ([pulled.parent, pulled.subsidiary], pulled.parent)
        }
        var overrides: [SourceKey: [SourceKey: [Int]]] = [:]
        for mapping in partner {
            let (holder, other, ids) = Self.partnerMapping(mapping, count: keys.count)!
            overrides[keys[holder], default: [:]][keys[other], default: []] += ids
        }
        let codes = eliminationAccounts.map { text in
            let parts = text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            return EliminationAccountCodes(receivable: parts[0], payable: parts[1], revenue: parts[2], expense: parts[3])
        } ?? EliminationAccountCodes()
        let request = ConsolidationRequest(
            period: try Period(parsing: period), memberKeys: keys, parentKey: parent, partnerOverrides: overrides,
            consolidation: into.map { ConsolidationSettings(sourceKey: $0, journalCode: journal ?? "MISC", accountCodes: codes) },
            rules: IntercompanyRules(mismatch: eliminateLower ? .eliminateLower : .reportOnly))
        let (report, stored) = try ConsolidationService(store: store).propose(request, actor: actor)
        if let worksheet, let csv = report.worksheet {
            try Data(csv.utf8).write(to: URL(fileURLWithPath: worksheet), options: .atomic)
        }
        if common.json { return try Output.json(report) }
        IntercompanyReportText.print(report, worksheetPath: worksheet)
        if let into, !stored.isEmpty {
            print("\nStored for review in \(into):")
            for proposal in stored { AdjustmentText.summary(proposal) }
            print("Approve with `closer approve ID… --source \(into)`, apply with `closer apply --source \(into)`.")
        }
    }

    /// "1:2=4711+4712" → (0, 1, [4711, 4712]).
    static func partnerMapping(_ text: String, count: Int) -> (holder: Int, other: Int, partners: [Int])? {
        let sides = text.split(separator: "=", maxSplits: 1)
        guard sides.count == 2 else { return nil }
        let positions = sides[0].split(separator: ":").compactMap { Int($0) }
        let partners = sides[1].split(separator: "+").compactMap { Int($0) }
        guard positions.count == 2, positions.allSatisfy({ (1...count).contains($0) }), positions[0] != positions[1],
              !partners.isEmpty, partners.count == sides[1].split(separator: "+").count else { return nil }
        return (positions[0] - 1, positions[1] - 1, partners)
    }
}

enum IntercompanyReportText {
    static func print(_ report: ConsolidationReport, worksheetPath: String?) {
        Swift.print("Intercompany \(report.period):")
        for member in report.members {
            let parent = member.parentKey.map { ", child of \(name($0, in: report))" } ?? ""
            Swift.print("  \(member.name) [\(member.key)], \(member.currency), \(member.closed ? "closed" : "open")\(parent)")
        }
        for link in report.partnerLinks where link.basis != .unmapped {
            let holder = name(link.holderKey, in: report), other = name(link.otherKey, in: report)
            Swift.print("  in \(holder)'s books, \(other) is \(link.partners.map { "\($0.name) (#\($0.id))" }.joined(separator: ", ")) [\(link.basis.rawValue)]")
        }
        for comparison in report.comparisons {
            let amounts = "\(comparison.sellerAmount.map(String.init(describing:)) ?? "—") vs \(comparison.buyerAmount.map(String.init(describing:)) ?? "—")"
            let difference = comparison.difference.map { $0.isZero ? "" : ", difference \($0)" } ?? ""
            Swift.print("\n\(comparison.pair), \(comparison.measure.title), \(comparison.scope.rawValue): \(amounts)\(difference) — \(comparison.status.rawValue)")
            for explanation in comparison.explanations { Swift.print("  - \(explanation.message)") }
        }
        for waiting in report.waiting { Swift.print("\n" + waiting.message) }
        for note in report.notes { Swift.print("\nNote: " + note) }
        if let company = report.consolidationCompany {
            Swift.print("\n\(report.proposals.count) elimination entr\(report.proposals.count == 1 ? "y" : "ies") proposed in \(company):")
            for proposal in report.proposals {
                Swift.print("  - \(proposal.entry.ref): \(proposal.entry.total.map(String.init(describing:)) ?? "0")")
            }
        } else if let worksheetPath {
            Swift.print("\nNo consolidation company: the elimination worksheet is in \(worksheetPath).")
        } else if let csv = report.worksheet {
            Swift.print("\nNo consolidation company (--into): the elimination worksheet (--worksheet FILE to write it):\n" + csv, terminator: "")
        }
    }

    private static func name(_ key: SourceKey, in report: ConsolidationReport) -> String {
        report.members.first { $0.key == key }?.name ?? key.text
    }
}
