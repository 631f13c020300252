import FuzzSupport
@testable import OdooRPC

/// Random values of the External API's types, the way Closer writes them (texts with markup
/// characters and non-ASCII, extreme integers, exact decimals), for round-trip properties.
enum RandomRPCValue {
    static let characters: [Character] = Array("aZ09 &<>\"'é€😀\n\t]]>{}[]:,\\/")

    static func make(_ random: inout SplitMix64, depth: Int) -> RPCValue {
        switch random.below(depth > 0 ? 9 : 7) {
        case 0: return .int([Int64.min, Int64.max, 0, -1, Int64(truncatingIfNeeded: random.next())][random.below(5)])
        case 1: return .bool(random.below(2) == 0)
        case 2: return .string(text(&random))
        case 3: return .double(WireNumber(minorUnits: Int64(truncatingIfNeeded: random.next()) >> 8, scale: random.below(7)))
        case 4: return .dateTime("2026\(random.below(2) == 0 ? "-" : "")1\(random.below(3))0\(1 + random.below(9))T0\(random.below(10)):00:00")
        case 5: return .base64((0..<random.below(40)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        case 6: return .null
        case 7: return .array((0..<random.below(4)).map { _ in make(&random, depth: depth - 1) })
        default:
            var members = RPCStruct()
            for _ in 0..<random.below(4) { members[text(&random)] = make(&random, depth: depth - 1) }
            return .structure(members)
        }
    }

    static func text(_ random: inout SplitMix64) -> String {
        String((0..<random.below(12)).map { _ in characters[random.below(characters.count)] })
    }

    /// The same value as JSON can carry it: JSON has no decimals-as-text, dates or bytes of its own,
    /// so those become texts, and numbers stay integers.
    static func jsonComparable(_ value: RPCValue) -> RPCValue {
        switch value {
        case .double(let number): .string(number.description)
        case .dateTime(let text): .string(text)
        case .base64(let bytes): .string(String(bytes.count))
        case .array(let items): .array(items.map(jsonComparable))
        case .structure(let members):
            .structure(members.reduce(into: RPCStruct()) { $0[$1.key] = jsonComparable($1.value) })
        default: value
        }
    }
}
