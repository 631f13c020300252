import Foundation
public import Ledger

/// What a close step needs beyond tenant, kind and period, carried by every job of one close.
public struct CloseJobPayload: Codable, Hashable, Sendable {
    /// The day the close is done; nil: the day the step runs.
    public var asOf: LocalDate?
    /// The console member who asked for the close; nil when a calendar or the command line did.
    public var askedBy: String?

    public init(asOf: LocalDate? = nil, askedBy: String? = nil) {
        self.asOf = asOf
        self.askedBy = askedBy
    }

    public var text: String { (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}" }

    public init(text: String?) throws {
        guard let text else { self.init(); return }
        do { self = try JSONDecoder().decode(Self.self, from: Data(text.utf8)) } catch {
            throw FirmWorkError.badPayload(text)
        }
    }
}
