/// Random secrets (API tokens, session ids, CSRF tokens) as lowercase hex, from the system's
/// cryptographically secure generator.
public enum RandomToken {
    public static func hex(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }.hex
    }
}
