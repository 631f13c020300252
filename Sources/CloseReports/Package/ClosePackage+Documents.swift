public import Foundation
import Ledger

/// The forms a close package is rendered in.
public enum ClosePackageFormat: String, Sendable, Codable, CaseIterable {
    case html, csv, json
}

extension ClosePackage {
    /// The rendered documents in memory, file name → text, for the CLI to write and a dashboard to serve.
    public func documents(_ formats: Set<ClosePackageFormat> = Set(ClosePackageFormat.allCases)) throws -> [String: String] {
        var documents: [String: String] = [:]
        if formats.contains(.html) { documents["close-package.html"] = ClosePackageHTML.render(self) }
        if formats.contains(.csv) { documents.merge(ClosePackageCSV.render(self)) { _, new in new } }
        if formats.contains(.json) { documents["close-package.json"] = try json() }
        return documents
    }

    /// Writes the documents into `folder` (made when missing), each beside its target and then renamed over it,
    /// so a reader never sees half a file; returns the paths written, sorted.
    @discardableResult
    public func write(to folder: URL, formats: Set<ClosePackageFormat> = Set(ClosePackageFormat.allCases)) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for (name, text) in try documents(formats).sorted(by: { $0.key < $1.key }) {
            let file = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: file, options: .atomic)
            written.append(file.path)
        }
        return written
    }

    /// Sorted keys, so two packages of the same books are byte-for-byte comparable.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// "demo-northwind-seed-42-2026-10": the source and period, safe as a folder name.
    public var folderName: String {
        let safe = source.text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" ? String($0) : "-" }.joined()
        return "\(safe)-\(period)"
    }
}
