import Foundation
import Testing

/// The OpenAPI document matches what the server answers: every documented operation is routed,
/// every schema it refers to exists, and path parameters are declared.
@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    @Test func everyDocumentedOperationIsServedAndEveryReferenceResolves() async throws {
        try await ServedDemo.serving { demo, server in
            let document = try await server.send("GET", "/openapi.json").json()
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            #expect(paths.count >= 15)

            let text = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
            for match in text.matches(of: /#\\\/components\\\/schemas\\\/([A-Za-z]+)/) {
                #expect(schemas[String(match.1)] != nil, "missing schema \(match.1)")
            }

            for (path, operations) in paths {
                for (method, value) in operations {
                    let operation = try #require(value as? [String: Any])
                    let declared = Set((operation["parameters"] as? [[String: Any]] ?? []).filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
                    let inPath = Set(path.matches(of: /\{([a-zA-Z]+)\}/).map { String($0.1) })
                    #expect(declared == inPath, "\(method) \(path) declares its path parameters")
                    // Routed: the server answers something other than "no such endpoint" (405/404 JSON from the router).
                    let concrete = path.replacing(/\{[a-zA-Z]+\}/, with: "1")
                    let reply = try await server.send(method.uppercased(), concrete, body: method == "post" ? Data("{}".utf8) : nil)
                    #expect(!(reply.status == 404 && reply.text.contains("no such endpoint")), "\(method) \(path) is routed")
                    let secured = operation["security"] != nil
                    if secured { #expect(reply.status == 401, "\(method) \(path) needs a token") }
                }
            }
        }
    }
}
