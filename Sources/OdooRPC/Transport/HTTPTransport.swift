/// Sends one HTTP POST; the seam tests and other HTTP stacks plug into.
///
/// Implementations throw `OdooError` (`.network`, `.timeout`) for transport failures.
public protocol HTTPTransport: Sendable {
    func post(_ request: HTTPRequest) async throws -> HTTPResponse
}
