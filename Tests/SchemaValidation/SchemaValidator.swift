import Foundation

/// xmllint, the libxml2 validator banks' own tools use, checking a file against an XSD beside this file
/// (Schemas/), for every test target that checks a file a bank reads. `.ci/run` installs it (libxml2-utils); without it
/// the schema tests say they were skipped.
public enum SchemaValidator {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Schemas")

    public static let xmllint: String? = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/opt/homebrew/bin/xmllint"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Whether `xml` is valid against `schema`, and what xmllint said.
    public static func validate(_ xml: String, against schema: String) throws -> (valid: Bool, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("closer-\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint ?? "xmllint")
        process.arguments = ["--noout", "--schema", schemas.appendingPathComponent(schema).path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus == 0, output)
    }
}
