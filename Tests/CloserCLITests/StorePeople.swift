import Foundation

/// The Closer users of a test store and their API tokens, so each command runs signed in as the
/// person it names (CLOSER_TOKEN), as the CLI requires for anything that decides.
struct StorePeople {
    let store: String
    let directory: URL
    private(set) var tokens: [String: String] = [:]

    init(store: String, in directory: URL) {
        self.store = store
        self.directory = directory
    }

    /// Adds the store's first user, its admin, keeping the token `users add` prints for them.
    mutating func addFirst(_ login: String, roles: [String] = []) async throws {
        let added = try await CloserBinary.run(["users", "add", login, "--name", login.capitalized, "--json", "--store", store]
                                               + roles.flatMap { ["--role", $0] }, in: directory)
        let json = try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any]
        guard added.status == 0, let token = (json?["firstToken"] as? [String: Any])?["token"] as? String else {
            throw Failure(message: "adding \(login) failed: \(added.all)")
        }
        tokens[login] = token
    }

    /// Adds a user as `admin` and issues them a token.
    mutating func add(_ login: String, roles: [String], by admin: String) async throws {
        let added = try await run(admin, ["users", "add", login, "--name", login.capitalized] + roles.flatMap { ["--role", $0] })
        guard added.status == 0 else { throw Failure(message: "adding \(login) failed: \(added.all)") }
        let issued = try await run(admin, ["users", "token", login])
        guard issued.status == 0 else { throw Failure(message: "a token for \(login) failed: \(issued.all)") }
        tokens[login] = issued.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `closer` on the store signed in as `login` (nil: nobody signed in).
    func run(_ login: String?, _ arguments: [String], environment extra: [String: String] = [:]) async throws -> CloserBinary.Result {
        var environment = extra
        if let login { environment["CLOSER_TOKEN"] = tokens[login] }
        return try await CloserBinary.run(arguments + ["--store", store], environment: environment, in: directory)
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
