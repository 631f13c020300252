@testable import CloseServer
import Foundation
import Testing

@Suite("JSON log lines")
struct JSONLogHandlerTests {
    @Test func hostileTextStaysOneValidJSONString() throws {
        let hostile = "line one\nline \"two\"\t\\ \u{01} é"
        let line = "{" + JSONLogHandler.quoted("message") + ":" + JSONLogHandler.quoted(hostile) + "}"
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(parsed["message"] == hostile)
        #expect(!line.contains("\n"))
    }
}
