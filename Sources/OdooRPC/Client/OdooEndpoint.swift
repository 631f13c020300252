public import Foundation

/// Where and as whom to connect.
public struct OdooEndpoint: Sendable {
    public var url: URL
    public var database: String
    public var login: String
    public var credential: OdooCredential
    /// XML-RPC by default: every version from 16 to 19 serves it.
    public var rpcProtocol: RPCProtocol

    public init(url: URL, database: String, login: String, credential: OdooCredential, rpcProtocol: RPCProtocol = .xmlrpc) {
        self.url = url
        self.database = database
        self.login = login
        self.credential = credential
        self.rpcProtocol = rpcProtocol
    }

    func url(path: String) -> URL {
        var base = url.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return URL(string: base + path) ?? url
    }
}
