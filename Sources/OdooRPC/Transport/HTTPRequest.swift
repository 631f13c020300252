public import Foundation

/// One POST as the codecs build it; the timeout travels with the request.
public struct HTTPRequest: Sendable {
    public var url: URL
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    public var timeout: Duration

    public init(url: URL, headers: [(name: String, value: String)], body: [UInt8], timeout: Duration = .seconds(60)) {
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}
