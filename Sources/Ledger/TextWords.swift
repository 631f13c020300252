/// The words of a free text (a label, a bank reference, a name), upper-cased ASCII, split at
/// everything else. Models that learn from texts compare these, so "Electricity & water 2026-09"
/// and "WATER, ELECTRICITY" have the same two words.
public enum TextWords {
    /// Words of letters, and of digits too when `keepingDigits` (names keep "7" in "7-Eleven";
    /// labels drop dates and invoice numbers, which differ on every line).
    public static func split(_ text: String, keepingDigits: Bool) -> [String] {
        var words: [String] = [], current: [UInt8] = []
        func flush() {
            if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        for byte in text.utf8 {
            switch byte {
            case 65...90: current.append(byte)
            case 97...122: current.append(byte & 0xDF)
            case 48...57 where keepingDigits: current.append(byte)
            default: flush()
            }
        }
        flush()
        return words
    }
}
