import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Ledger
import Payables

extension PayablesCommand {
    struct Intake: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check vendor bills read live from Odoo for duplicates (every company of the database and the store's other databases) "
                + "and against their purchase orders, and keep the verdict. Outside audit mode, note each problem on the bill once (a To-Do "
                + "unless the rules only warn) and set Odoo's payment block on held bills; also lists blocked bills Odoo shows paid.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The rule-set file (default: ./closer-rules.yaml when present, else the built-in rules).") var rules: String?
        @Option(help: "Check the bills with an invoice date in this period, YYYY-MM.") var period: String?
        @Option(name: .customLong("bill"), help: "Check this bill (account.move id); repeat for several.") var bills: [Int] = []

        func validate() throws {
            guard (period == nil) != bills.isEmpty else { throw ValidationError("Give either --period YYYY-MM or one or more --bill ID.") }
            if let period { do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) } }
        }

        func run() async throws {
            let ruleSet = try RuleSet.resolve(explicit: rules)
            let settings = try OdooSettings(resolving: common.resolver(flags: connection.flags))
            let store = try common.openStore()
            let service = BillIntakeService(store: store, settings: settings, rules: ruleSet.payables,
                                            actor: try common.actor(store, for: settings.mode == .audit ? nil : .writeToOdoo))
            let today = LocalDate.todayUTC()
            let report = if let period {
                try await service.intake(period: try Period(parsing: period), asOf: today)
            } else {
                try await service.intake(billIDs: bills, asOf: today)
            }
            if common.json { return try Output.json(report) }
            let held = report.bills.filter { $0.review.blocksPayment }.count
            print("\(report.bills.count) vendor bills checked: \(report.touchless) touchless, \(held) blocked from payment, "
                  + "\(report.bills.count - report.touchless - held) with a note only"
                  + (report.writes ? "." : " (audit mode: nothing written to Odoo)."))
            for outcome in report.bills where !outcome.review.verdict.isTouchless {
                print("  \(outcome.review.status.rawValue) \(outcome.review.verdict.bill.title)\(outcome.changed ? "" : " (unchanged)")")
                for reason in outcome.review.verdict.reasons { print("    \(reason)") }
            }
            if let posts = report.posts {
                print("Odoo: \(posts.posted.count) noted, \(posts.alreadyPosted.count) noted before, \(posts.failed.count) failed.")
            }
            if let approvals = report.approvals {
                if let tiers = approvals.tierReviews {
                    print("Approvals: OCA tier validation routes these bills in Odoo (\(tiers.values.reduce(0) { $0 + $1.count }) reviews).")
                } else {
                    let waiting = approvals.routed.filter { $0.status == .pending }.count
                    print("Approvals: \(waiting) waiting (`closer payables approvals`), \(approvals.touchless.count) need none.")
                }
            }
            for paid in report.paidWhileBlocked { print("FINDING: \(paid.message)") }
        }
    }

    struct Holds: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The exception queue, as the API and the dashboard show it: vendor bills intake blocked (or only noted, or released), "
                + "blocked first and oldest first, with owner, age against the SLA and reasons; read-only.")
        @OptionGroup var common: CommonOptions
        @Option(help: "Which pulled ledger (default: every ledger).") var source: SourceKey?
        @Option(help: "The rule-set file, for the SLA and the AP clerk (default: ./closer-rules.yaml when present, else the built-in rules).") var rules: String?
        @Option(help: "blocked (default), warned, released, clear, open (blocked and warned) or all.") var status: String = "blocked"

        func validate() throws {
            guard BillHoldQueue.statuses(named: status) != nil else {
                throw ValidationError("--status must be blocked, warned, released, clear, open or all.")
            }
        }

        func run() async throws {
            let ruleSet = try RuleSet.resolve(explicit: rules)
            let store = try common.openStore()
            let entries = try BillHoldQueue(store: store, rules: ruleSet.payables.intake)
                .entries(sourceKey: source, statuses: BillHoldQueue.statuses(named: status) ?? [], vendor: nil)
            if common.json { return try Output.json(["bills": entries]) }
            let what = status == "all" ? "reviewed" : status
            print(entries.isEmpty ? "No vendor bills are \(what)." : "\(entries.count) vendor bills \(what):")
            for entry in entries {
                let age = entry.ageDays.map { ", flagged \($0) days ago" + (entry.overdue ? ", past the \(entry.slaDays)-day SLA" : "") } ?? ""
                print("  \(entry.source.text) bill \(entry.billID): \(entry.bill)\(entry.reference.map { " (ref \($0))" } ?? "") of \(entry.vendor), "
                      + "\(entry.amount) \(entry.currency) — \(entry.status.rawValue)"
                      + (entry.release.map { " by \($0.by) (\($0.reason))" } ?? "") + age + (entry.owner.map { "; owner \($0)" } ?? ""))
                for reason in entry.reasons { print("    \(reason)") }
            }
        }
    }

    struct Release: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let a blocked vendor bill be paid despite what intake found (an approver or controller who did not prepare it), "
                + "and lift Closer's payment block in Odoo outside audit mode.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Which ledger the bill belongs to (default: the only one in the store).") var source: SourceKey?
        @Option(help: "The bill (account.move id).") var bill: Int
        @Option(help: "Why it may be paid: kept on the audit trail.") var reason: String

        func run() async throws {
            let store = try common.openStore()
            let key = try source ?? CheckService.onlySourceKey(in: store)
            let actor = try common.actor(store, for: .releaseBill)
            // Without an Odoo connection the release stands in the store; the next intake lifts Odoo's block.
            let settings = try? OdooSettings(resolving: common.resolver(flags: connection.flags))
            let review = try await PaymentBlockService.release(store: store, settings: settings, sourceKey: key, billID: bill, reason: reason, actor: actor)
            if common.json { return try Output.json(review) }
            print("Released \(review.verdict.bill.title) (\(actor): \(review.release?.reason ?? reason)).")
            if review.blockedInOdoo { print("Odoo still shows its payment blocked: the next `closer payables intake` outside audit mode lifts it.") }
        }
    }
}
