import Hummingbird

/// Answers 405 with an Allow header, instead of the router's 404, when the path is an endpoint's
/// but the method is not one it takes: the client used the wrong verb, not the wrong address.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = CloserRequestContext
    /// Each endpoint path's segments ("{id}" matches any one segment) and the methods it takes.
    private let templates: [(segments: [Substring], methods: [String])]

    init(endpoints: [Endpoint]) {
        let grouped = Dictionary(grouping: endpoints, by: \.path)
        templates = grouped.map { path, endpoints in
            (path.split(separator: "/"), endpoints.map(\.method.rawValue).sorted())
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let methods = allowedMethods(for: request.uri.path) else { throw error }
            var response = try APIError(.methodNotAllowed, code: "method_not_allowed",
                                        "\(request.uri.path) takes \(methods.joined(separator: ", ")), not \(request.method.rawValue).")
                .response(from: request, context: context)
            response.headers[.allow] = methods.joined(separator: ", ")
            return response
        }
    }

    /// The methods of the path's most literal template: /proposals/bulk-approve is its own endpoint,
    /// not /proposals/{id}, as the router sees it too.
    private func allowedMethods(for path: String) -> [String]? {
        let segments = path.split(separator: "/")
        let matching = templates.filter { template in
            template.segments.count == segments.count
                && zip(template.segments, segments).allSatisfy { pattern, segment in pattern.hasPrefix("{") || pattern == segment }
        }
        func literals(_ template: [Substring]) -> Int { template.filter { !$0.hasPrefix("{") }.count }
        guard let best = matching.map({ literals($0.segments) }).max() else { return nil }
        return Array(Set(matching.filter { literals($0.segments) == best }.flatMap(\.methods))).sorted()
    }
}
