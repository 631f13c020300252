import CloseStore
import Foundation
import HTTPTypes

/// The OpenAPI 3.1 document of the API, written from the same endpoint list the router registers.
enum OpenAPIDocument {
    static func json(for endpoints: [Endpoint]) -> Data {
        var paths: [String: [String: Any]] = [:]
        for endpoint in endpoints {
            paths[endpoint.path, default: [:]][endpoint.method.rawValue.lowercased()] = operation(endpoint)
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": ["title": "Closer", "version": "1",
                     "description": "Closes the books of companies that run Odoo. Every change is made as the authenticated user, under the rule set's approval policy, and audited. "
                         + "Outgoing webhooks (signed, see the README) announce: \(WebhookEventType.allCases.map(\.rawValue).joined(separator: ", "))."],
            "paths": paths,
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer", "description": "An API token from `closer users token LOGIN`."]],
                "schemas": OpenAPISchemas.all,
            ],
        ]
        // Every value above is a string, number, array or dictionary: serialization cannot fail.
        return try! JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    private static func operation(_ endpoint: Endpoint) -> [String: Any] {
        var operation: [String: Any] = ["operationId": endpoint.operationID, "summary": endpoint.summary]
        let roles = endpoint.access.roles
        if !roles.isEmpty {
            operation["security"] = [["bearer": [String]()]]
            operation["x-closer-roles"] = roles.map(\.rawValue).sorted()
        }
        if !endpoint.parameters.isEmpty {
            operation["parameters"] = endpoint.parameters.map { parameter in
                var schema: [String: Any] = ["type": parameter.type]
                schema["format"] = parameter.format
                schema["pattern"] = parameter.pattern
                schema["minimum"] = parameter.minimum
                schema["maximum"] = parameter.maximum
                return ["name": parameter.name, "in": parameter.place.rawValue, "required": parameter.required || parameter.place == .path,
                        "description": parameter.description, "schema": schema] as [String: Any]
            }
        }
        if let schema = endpoint.requestSchema {
            operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": reference(schema)]]]
        }
        var success: [String: Any] = ["description": "Success."]
        if let schema = endpoint.responseSchema {
            success["content"] = [endpoint.responseContentType: ["schema": reference(schema)]]
        } else {
            success["content"] = [endpoint.responseContentType: ["schema": ["type": "string"]]]
        }
        var responses: [String: Any] = [String(endpoint.successStatus): success]
        for (status, meaning) in errorStatuses(endpoint) {
            responses[status] = ["description": meaning, "content": ["application/json": ["schema": reference("Error")]]]
        }
        operation["responses"] = responses
        return operation
    }

    /// The refusals an endpoint can answer with, each as the API's JSON error.
    private static func errorStatuses(_ endpoint: Endpoint) -> [(String, String)] {
        var statuses = [("400", "A parameter or the body is malformed."), ("500", "Closer could not finish; the server log has the details.")]
        if !endpoint.access.roles.isEmpty {
            statuses += [("401", "No valid API token."), ("403", "The user lacks the role, or the approval policy refuses.")]
            statuses += [("404", "No such record, company or period."), ("409", "The record is not in a state that allows this.")]
            statuses.append(("405", "The path does not take this method."))
        }
        if endpoint.requestSchema != nil || endpoint.access == .sharedSecret {
            statuses += [("413", "The body is larger than the server accepts."), ("422", "The request is well-formed but incomplete.")]
        }
        if endpoint.access == .sharedSecret {
            statuses += [("401", "The shared secret is missing or wrong."), ("503", "This server takes no Odoo webhooks.")]
        }
        if endpoint.callsOdoo {
            statuses += [("502", "Odoo answered with a fault (its words are in the message)."),
                         ("503", "Odoo is unreachable, or this server has no Odoo connection.")]
        } else if endpoint.path == "/ready" {
            statuses.append(("503", "A dependency is not available."))
        }
        return statuses
    }

    private static func reference(_ schema: String) -> [String: Any] {
        ["$ref": "#/components/schemas/\(schema)"]
    }
}
