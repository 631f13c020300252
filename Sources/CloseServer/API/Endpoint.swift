import OdooRPC
import Hummingbird

/// One API endpoint, described once: the router registers it from this and the OpenAPI document is
/// written from it, so the two cannot drift apart.
struct Endpoint: Sendable {
    struct Parameter: Sendable {
        enum Place: String, Sendable { case path, query }
        var name: String
        var place: Place
        var type: String = "string"
        var required: Bool = false
        var description: String
        /// What the API accepts, so generated clients and fuzzers send values it takes.
        var format: String?
        var pattern: String?
        var minimum: Int?
        var maximum: Int?
    }

    var method: HTTPRequest.Method
    /// The path as OpenAPI writes it, parameters in braces: /api/v1/proposals/{id}.
    var path: String
    var operationID: String
    var summary: String
    var access: Access
    var parameters: [Parameter] = []
    /// The schema name (under components) of the JSON body it takes, if any.
    var requestSchema: String?
    /// The schema name of its successful JSON response; nil for non-JSON responses.
    var responseSchema: String?
    var responseContentType: String = "application/json"
    /// The status of a successful response.
    var successStatus: Int = 200
    /// The handler asks Odoo: it may answer 503 (Odoo unreachable or not configured) or 502 (an Odoo fault).
    var callsOdoo: Bool = false

    /// The path as Hummingbird's router writes it: /api/v1/proposals/:id.
    var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
    }
}

/// An endpoint with the function that answers it.
struct Route: Sendable {
    var endpoint: Endpoint
    var handler: @Sendable (Request, CloserRequestContext) async throws -> any ResponseGenerator
}
