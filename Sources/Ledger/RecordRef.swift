/// A record as Odoo names it: model, id and display name, and optionally the address that opens
/// it in Odoo's web client. Findings, ground truth and audit reports all point at records this way.
public struct RecordRef: Sendable, Codable, Hashable {
    public var model: String
    public var id: Int
    public var name: String
    public var link: String?

    public init(model: String, id: Int, name: String, link: String? = nil) {
        self.model = model
        self.id = id
        self.name = name
        self.link = link
    }
}
