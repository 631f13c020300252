import CloseChecks
import CloseDemo
import CloseWorkflows
import DemoCompany
import Foundation
import Testing
import PostgresSupport

/// The bar for what a controller reads on the demo company (issue 20): every planted problem still found, every
/// planted problem and every blocking finding on the first screen, and at most three top-level findings per
/// planted problem — measured by `closer demo` itself, on three seeds.
@Suite struct DemoFirstScreenTests {
    struct Silent: ProgressReporter {
        func restartClock() {}
        func update(_ what: String, count: Int) {}
        func finish() {}
    }

    @Test(arguments: [42, 7, 2024] as [UInt64])
    func theFirstScreenHoldsEveryPlantedProblemAndEveryBlockingFinding(seed: UInt64) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("closer-first-screen-\(seed)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = try await DemoService(options: DemoOptions(seed: seed), storePath: TestStore.location("demo", in: directory),
                                           groundTruthPath: directory.appendingPathComponent("truth.json").path, actor: "test").run(progress: Silent())
        let reading = report.reading
        print("[seed \(seed)] \(reading.topLevelFindings) findings to read for \(reading.plantedProblems) planted problems (\(reading.plantedFound) found); "
              + "first screen \(reading.firstScreen): \(reading.plantedOnFirstScreen) planted, \(reading.blockingOnFirstScreen)/\(reading.blocking) blocking; "
              + "noise \(reading.noiseReadAsOne)/\(reading.noisePatterns) read as one")
        #expect(reading.plantedProblems > 0 && reading.plantedFound == reading.plantedProblems, "every planted problem still found")
        #expect(report.checkScores.allSatisfy { $0.found == $0.planted }, "\(report.checkScores.filter { $0.found < $0.planted })")
        #expect(reading.blockingOnFirstScreen == reading.blocking, "every blocking finding on the first screen")
        #expect(reading.plantedOnFirstScreen == reading.plantedProblems, "every planted problem on the first screen")
        #expect(reading.topLevelFindings <= 3 * reading.plantedProblems, "at most 3 findings to read per planted problem")
        // The planted systemic noise (a bulk import, a bank feed's weekend dates) is read as one finding each, folded below the first screen.
        #expect(reading.noisePatterns == 2 && reading.noiseReadAsOne == 2 && reading.noiseOnFirstScreen == 0)
        #expect(reading.firstScreen < reading.topLevelFindings, "something is folded")
    }
}
