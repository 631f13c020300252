import CloseChecks
import DemoCompany
import Foundation
import Ledger
import Testing

/// The checks and detectors say exactly what they said before a change that should not alter them (a speed-up): every
/// finding of the demo company, at its default size and at 100,000 lines, encoded with sorted keys, digested with
/// FNV-1a. A change meant to alter findings updates the digests here, with the reason in its commit.
@Suite struct DemoFindingsDigestTests {
    static func digest(_ options: DemoOptions) throws -> (findings: Int, digest: String) {
        let book = DemoCompany.generate(options)
        let context = CheckContext(snapshot: book.snapshot, period: book.groundTruth.period, asOf: book.groundTruth.asOf)
        let findings = CheckRegistry.run(context) + AnomalyRegistry.run(context)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in try encoder.encode(findings) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return (findings.count, String(hash, radix: 16))
    }

    @Test func theDemoCompanysFindingsAreWhatTheyWere() throws {
        let standard = try Self.digest(DemoOptions())
        #expect(standard.findings == 138 && standard.digest == "cde20accd31937cd", "default size: \(standard)")
        var large = DemoOptions()
        large.targetLines = 100_000
        let scaled = try Self.digest(large)
        #expect(scaled.findings == 443 && scaled.digest == "e57536da614cedc0", "100,000 lines: \(scaled)")
    }
}
