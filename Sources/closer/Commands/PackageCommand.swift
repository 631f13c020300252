import ArgumentParser
import CloseReports
import Foundation
import Ledger

struct PackageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract: "Write the period's close package (statements with comparatives, flux, bank reconciliation, open findings, "
            + "checklist sign-offs, adjusting entries and approvers, audit excerpt) as HTML, CSV and JSON; reads the store, changes nothing.")

    @OptionGroup var scope: LedgerScope
    @Option(help: "The period, YYYY-MM.") var period: String
    @Option(help: "The day the package speaks for, YYYY-MM-DD (default: today, UTC).") var asOf: String?
    @Option(help: "The folder to write into (default: .closer/package/<source>-<period>/).") var out: String?
    @Option(help: "Which forms, comma-separated: html, csv, json (default: all three).") var format = "html,csv,json"

    func validate() throws {
        do { _ = try Period(parsing: period) } catch { throw ValidationError(String(describing: error)) }
        if let asOf, LocalDate(iso: asOf) == nil { throw ValidationError("--as-of '\(asOf)' is not a date: write YYYY-MM-DD.") }
        _ = try formats()
    }

    func formats() throws -> Set<ClosePackageFormat> {
        let names = format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let unknown = names.filter { ClosePackageFormat(rawValue: $0) == nil }
        guard unknown.isEmpty, !names.isEmpty else {
            throw ValidationError("--format '\(format)' names no known form: use a comma-separated list of "
                                  + ClosePackageFormat.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return Set(names.compactMap(ClosePackageFormat.init(rawValue:)))
    }

    func run() async throws {
        let (ruleSet, store, key) = try scope.open()
        let package = try ClosePackageBuilder(store: store, ruleSet: ruleSet)
            .build(sourceKey: key, period: try Period(parsing: period), asOf: LocalDate.asOf(asOf))
        let folder = URL(fileURLWithPath: out ?? ".closer/package/\(package.folderName)", isDirectory: true)
        let written = try package.write(to: folder, formats: try formats())
        if scope.common.json { return try Output.json(["files": written]) }
        print("Close package \(package.source), \(package.period) (as of \(package.asOf)): \(written.count) files in \(folder.path)")
        for path in written { print("  \(path)") }
    }
}
