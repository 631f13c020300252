import ArgumentParser
import CloseSettings
import CloseStore
import CloseWorkflows
import Foundation
import Governance
import Treasury

extension PaymentsCommand {
    struct BankChanges: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bank-changes",
            abstract: "The vendors' bank-detail changes Closer found (each pull of `closer payments propose` looks), with who made each and "
                + "the verifications recorded since (read-only).")
        @OptionGroup var common: CommonOptions
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let store = try common.openStore()
            let settings = try OdooSettings(resolving: common.resolver(flags: connection.flags))
            let report = try await BankDetailsService(store: store, settings: settings).changes()
            if common.json { return try Output.json(report) }
            let (sourceKey, changes, verifications) = (report.sourceKey, report.changes, report.verifications)
            print(changes.isEmpty ? "No bank-detail changes found for \(sourceKey)." : "\(changes.count) bank-detail changes for \(sourceKey):")
            for change in changes {
                let checks = verifications.filter { $0.accountID == change.accountID && $0.at >= change.at }
                print("  account \(change.accountID) of partner \(change.partnerID) \(change.kind.words) on \(change.at) by \(change.by)"
                      + (change.detail.map { " (\($0))" } ?? "")
                      + (checks.isEmpty ? " — not verified since" : " — verified by " + checks.map { "\($0.by) (\($0.channel)) on \($0.at)" }.joined(separator: ", ")))
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that a vendor's bank account was confirmed with the vendor: by whom (you), how and when. Refused to whoever "
                + "changed it; the cool-off still runs.")
        @OptionGroup var common: CommonOptions
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The bank account's id in Odoo (res.partner.bank), as `closer payments bank-changes` shows it.") var account: Int
        @Option(help: "How it was confirmed, e.g. \"call to +31 20 555 0101 from the 2024 contract\" — not a number from the change request.")
        var channel: String

        func run() async throws {
            let store = try common.openStore()
            let settings = try OdooSettings(resolving: common.resolver(flags: connection.flags))
            let actor = try common.actor(store, for: .verifyBankDetails)
            let verification = try await BankDetailsService(store: store, settings: settings).verify(accountID: account, channel: channel, actor: actor)
            if common.json { return try Output.json(verification) }
            print("Recorded: \(verification.by) verified bank account \(verification.accountID) by \(verification.channel) on \(verification.at).")
        }
    }
}
