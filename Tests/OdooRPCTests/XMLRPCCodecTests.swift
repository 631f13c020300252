@testable import OdooRPC
import Testing

@Suite struct XMLRPCCodecTests {
    @Test(arguments: Transcript.xmlrpc)
    func reencodesEveryRequestByteForByte(transcript: Transcript) throws {
        let call = try Wire.xmlCall(transcript.request)
        let encoded = XMLRPCEncoder.methodCall(call.method, params: call.params)
        #expect(String(decoding: encoded, as: UTF8.self) == String(decoding: transcript.request, as: UTF8.self))
        #expect(encoded == transcript.request)
    }

    @Test(arguments: Transcript.xmlrpc)
    func decodesEveryResponse(transcript: Transcript) throws {
        _ = try Wire.xmlResponse(transcript.response)
    }

    @Test func searchReadLinesKeepExactAmounts() throws {
        guard case .value(let value) = try Wire.xmlResponse(Transcript.named("xmlrpc-06").response) else {
            Issue.record("expected a value"); return
        }
        let lines = try #require(value.arrayValue)
        let first = try #require(lines.first?.structValue)
        #expect(first["id"]?.int == 18)
        #expect(first["debit"]?.numberValue?.minorUnits(scale: 2) == 0)
        #expect(first["credit"]?.numberValue?.minorUnits(scale: 2) == 1000)
        #expect(first["balance"] == .double(WireNumber(minorUnits: -1000, scale: 2)))
        #expect(first["move_id"]?.many2one?.name == "RBILL/2026/11/0001")
        #expect(first["analytic_distribution"]?.isFalse == true)
        #expect(first["matching_number"]?.stringValue == nil)
        #expect(first["tax_ids"] == .array([]))
        #expect(first.keys.first == "id")
    }

    /// Found by WireFuzzTests: an empty base64 value, written as Python writes it, was refused on the way back.
    @Test func emptyBytesRoundTrip() throws {
        for body in [Wire.xmlResponseBody(.base64([])),
                     Array("<methodResponse><params><param><value><base64>\n</base64></value></param></params></methodResponse>".utf8)] {
            guard case .value(let value) = try Wire.xmlResponse(body) else { Issue.record("no value"); return }
            #expect(value == .base64([]))
        }
    }

    @Test func decodesEveryTypeAndEntity() throws {
        let body = """
            <?xml version="1.0"?>
            <!-- note --><methodResponse><params><param><value><array><data>
              <value><i4>-7</i4></value><value><i8>9000000000</i8></value><value><boolean>1</boolean></value>
              <value>bare &amp; text</value><value></value><value><string/></value>
              <value><string>&lt;a&gt; &quot;q&quot; &apos;s&apos; &#65;&#x42; caf\u{e9}</string></value>
              <value><double> -1.50 </double></value><value><dateTime.iso8601>20261031T10:00:00</dateTime.iso8601></value>
              <value><base64>aGVs
            bG8=</base64></value><value><nil/></value>
              <value><struct><member><name>k</name><value><int>1</int></value></member></struct></value>
            </data></array></value></param></params></methodResponse>
            """
        guard case .value(let value) = try Wire.xmlResponse(Array(body.utf8)) else { Issue.record("no value"); return }
        #expect(value == [
            -7, 9_000_000_000, true, "bare & text", "", "", "<a> \"q\" 's' AB caf\u{e9}",
            .double(WireNumber(minorUnits: -15, scale: 1)), .dateTime("20261031T10:00:00"),
            .base64(Array("hello".utf8)), .null, ["k": 1],
        ])
    }

    @Test(arguments: [
        ("", "an XML-RPC methodResponse"),
        ("<html><body>502 Bad Gateway</body></html>", "<methodResponse>"),
        ("<?xml version=\"1.0\"?>\n<methodResponse>\n<params>\n<param>\n<value><array><data>\n<value><int>1", "the end of the body"),
        ("<methodResponse><params><param><value><int>x</int></value></param></params></methodResponse>", "an integer"),
        ("<methodResponse><params><param><value><foo>1</foo></value></param></params></methodResponse>", "type element"),
        ("<methodResponse><params><param><value><string>a &bogus; b</string></value></param></params></methodResponse>", "entity"),
        ("<methodResponse><params><param><value><int>1</int></value></param></params></methodResponse>trailing", "end of the document"),
    ])
    func rejectsMalformedDocuments(body: String, expectedPhrase: String) {
        #expect {
            _ = try Wire.xmlResponse(Array(body.utf8))
        } throws: { error in
            guard case OdooError.malformedResponse(let detail) = error else { return false }
            return detail.contains(expectedPhrase)
        }
    }

    @Test func encodesLikePythonForEveryType() {
        let encoded = XMLRPCEncoder.methodCall("m", params: [
            "a<b>&c", .double(WireNumber(minorUnits: 5, scale: 1)), false, 3_000_000_000, .null, .base64([1, 2, 3]),
        ])
        let expected = """
            <?xml version='1.0'?>
            <methodCall>
            <methodName>m</methodName>
            <params>
            <param>
            <value><string>a&lt;b&gt;&amp;c</string></value>
            </param>
            <param>
            <value><double>0.5</double></value>
            </param>
            <param>
            <value><boolean>0</boolean></value>
            </param>
            <param>
            <value><i8>3000000000</i8></value>
            </param>
            <param>
            <value><nil/></value></param>
            <param>
            <value><base64>
            AQID
            </base64></value>
            </param>
            </params>
            </methodCall>

            """
        #expect(String(decoding: encoded, as: UTF8.self) == expected)
    }
}
