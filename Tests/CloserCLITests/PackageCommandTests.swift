import Foundation
import PostgresSupport
import Testing

@Suite struct PackageCommandTests {
    @Test func theDemoCloseIsWrittenAsFilesAndAnEmptyStoreSaysToPull() async throws {
        let directory = try CloserBinary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = TestStore.location("closer", in: directory)

        let empty = try await CloserBinary.run(["package", "--period", "2026-10", "--store", store], in: directory)
        #expect(empty.status != 0 && empty.stderr.contains("run `closer pull"), "\(empty.all)")

        #expect(try await CloserBinary.run(["demo", "--store", store, "--json"], in: directory).status == 0)
        let out = directory.appendingPathComponent("pack")
        let written = try await CloserBinary.run(["package", "--period", "2026-10", "--as-of", "2026-11-04", "--store", store,
                                            "--out", out.path, "--format", "html,csv"], in: directory)
        #expect(written.status == 0, "\(written.all)")
        #expect(written.stdout.contains("14 files in \(out.path)"), "\(written.stdout)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files.contains("close-package.html") && files.contains("trial-balance.csv") && !files.contains("close-package.json"))
        #expect(files.allSatisfy { written.stdout.contains(out.appendingPathComponent($0).path) })
        let html = try String(contentsOf: out.appendingPathComponent("close-package.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("Northwind"))

        // Default folder: .closer/package/<source>-<period>/ under the working directory; JSON lists the paths.
        let json = try await CloserBinary.run(["package", "--period", "2026-10", "--store", store, "--format", "json", "--json"], in: directory)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: [String]]
        let path = try #require(decoded?["files"]?.first)
        #expect(path.hasSuffix(".closer/package/demo-northwind-seed-42-2026-10/close-package.json"), "\(json.all)")
        #expect(FileManager.default.fileExists(atPath: path))

        let wrong = try await CloserBinary.run(["package", "--period", "2026-10", "--store", store, "--format", "pdf"], in: directory)
        #expect(wrong.status != 0 && wrong.stderr.contains("--format 'pdf' names no known form"), "\(wrong.all)")
    }
}
