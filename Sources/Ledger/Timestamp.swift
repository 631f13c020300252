/// A UTC instant with second precision, as Odoo's `datetime` fields carry it ("2026-11-22 10:11:12").
public struct Timestamp: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    public init(date: LocalDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        secondsSinceEpoch = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Parses "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DDTHH:MM:SS" (optionally with fractions or a trailing Z).
    public init?(odoo text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, let date = LocalDate(iso: text),
              bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
              let hour = LocalDate.number(bytes[11..<13]), let minute = LocalDate.number(bytes[14..<16]),
              let second = LocalDate.number(bytes[17..<19]), hour < 24, minute < 60, second < 61 else { return nil }
        self.init(date: date, hour: hour, minute: minute, second: second)
    }

    public var date: LocalDate {
        LocalDate(daysSinceEpoch: Int32((secondsSinceEpoch - ((secondsSinceEpoch % 86_400) + 86_400) % 86_400) / 86_400))
    }

    /// Odoo's own wire format, which also sorts correctly as text.
    public var description: String {
        let secondOfDay = Int((secondsSinceEpoch % 86_400 + 86_400) % 86_400)
        return date.description + " " + LocalDate.pad(secondOfDay / 3600, 2) + ":"
            + LocalDate.pad(secondOfDay / 60 % 60, 2) + ":" + LocalDate.pad(secondOfDay % 60, 2)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }
}

extension Timestamp: TextCodable {
    public init?(codingText: String) { self.init(odoo: codingText) }
}
