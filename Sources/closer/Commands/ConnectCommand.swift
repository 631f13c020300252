import ArgumentParser
import CloseSettings
import CloseWorkflows
import Ledger
import OdooLedger

struct ConnectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connect", abstract: "Check the connection to Odoo: version, database, user, companies and lock dates.")

    @OptionGroup var common: CommonOptions
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let settings = try OdooSettings(resolving: common.resolver(flags: connection.flags))
        let report = try await OdooGateway.source(settings).describeConnection()
        if common.json { return try Output.json(report) }
        print("Connected to Odoo \(report.serverVersion) at \(report.url)")
        print("  database  \(report.database)  (protocol \(report.protocolName))")
        print("  user      \(report.userName) (login \(report.login), uid \(report.userID))")
        print("Companies:")
        for company in report.companies {
            let marker = company.id == report.currentCompanyID ? "*" : " "
            print("  \(marker) \(company.id)  \(company.name)  \(company.currency.code) (\(company.currency.decimalPlaces) decimals)")
            print("      lock dates: \(LockDatesText.describe(company.lockDates))")
        }
    }
}

enum LockDatesText {
    static func describe(_ locks: LockDates) -> String {
        let parts: [(String, LocalDate?)] = [("fiscal year", locks.fiscalYear), ("tax", locks.tax), ("sale", locks.sale),
                                             ("purchase", locks.purchase), ("hard", locks.hard), ("period", locks.period)]
        let set = parts.compactMap { name, date in date.map { "\(name) \($0)" } }
        return set.isEmpty ? "none set" : set.joined(separator: ", ")
    }
}
