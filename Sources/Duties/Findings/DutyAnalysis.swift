import Ledger

/// Segregation of duties over a vendor's life: from the people (their duties) and what each did, the findings —
/// what one person did on both sides of one vendor first, then what each person's rights let them do, then the
/// administrators, once each. Pure: the same people and acts give the same findings.
public enum DutyAnalysis {
    public static func findings(people: [DutyPerson], acts: [DutyAct]) -> [DutyFinding] {
        let byID = Dictionary(people.map { ($0.odooUserID, $0) }, uniquingKeysWith: { first, _ in first })
        let person = { (id: Int) in byID[id] ?? DutyPerson(odooUserID: id, login: "user \(id)", name: "Odoo user \(id)", active: false,
                                                             isAdministrator: false, grants: []) }
        var did: [DutyFinding] = []
        var adminActs: [Int: [DutyAct]] = [:]
        let grouped = Dictionary(grouping: acts) { PersonVendor(userID: $0.odooUserID, vendorID: $0.vendor.id) }
        for (key, theirs) in grouped {
            let pairs = VendorDuty.conflictingPairs(Set(theirs.map(\.duty)))
            guard !pairs.isEmpty else { continue }
            let involved = Set(pairs.flatMap { [$0.0, $0.1] })
            let evidence = theirs.filter { involved.contains($0.duty) }.sorted(by: chronological)
            let who = person(key.userID)
            if who.isAdministrator {
                adminActs[key.userID, default: []] += evidence
                continue
            }
            did.append(didFinding(who, vendor: evidence[0].vendor, duties: involved, evidence: evidence))
        }
        did.sort { ($0.person.name, $0.person.id, $0.vendor?.name ?? "", $0.vendor?.id ?? 0) < ($1.person.name, $1.person.id, $1.vendor?.name ?? "", $1.vendor?.id ?? 0) }

        let ordered = people.sorted { ($0.name, $0.odooUserID) < ($1.name, $1.odooUserID) }
        let can = ordered.filter { $0.active && !$0.isAdministrator }.compactMap(canFinding)
        let administrators = ordered.filter { $0.isAdministrator && ($0.active || adminActs[$0.odooUserID] != nil) }
            .map { administratorFinding($0, acts: (adminActs[$0.odooUserID] ?? []).sorted(by: chronological)) }
        return did + can + administrators
    }

    static func didFinding(_ who: DutyPerson, vendor: RecordRef, duties: Set<VendorDuty>, evidence: [DutyAct]) -> DutyFinding {
        let master = duties.filter(\.isMasterData).sorted().map(\.done)
        let transactions = duties.filter { !$0.isMasterData }.sorted().map(\.done)
        let sides = transactions.isEmpty ? master : [list(master), list(transactions)]
        let weak = evidence.contains { $0.basis == .lastWriter } ? " Part of it rests on who last wrote a record, not on tracking: check the records." : ""
        return DutyFinding(
            kind: .did, person: ref(who), login: who.login, vendor: vendor, evidence: evidence,
            message: "For vendor \(vendor.name), \(who.label) both \(sides.joined(separator: " and ")): "
                + (transactions.isEmpty ? "the trust meant as a second look at the account was their own." : "one person controlled both who is paid and the bill or payment.")
                + weak,
            fix: "Have a second person confirm \(vendor.name)'s details with the vendor through a known contact and review the bills and "
                + "payments listed; then split these duties (see \(who.login)'s `can` finding).")
    }

    static func canFinding(_ who: DutyPerson) -> DutyFinding? {
        let conflicts = VendorDuty.conflictingPairs(who.duties).compactMap { pair in
            who.grant(pair.0).flatMap { first in who.grant(pair.1).map { DutyConflict(first: first, second: $0) } }
        }
        guard !conflicts.isEmpty else { return nil }
        // Pairs given by the same groups call for the same fix: say it once.
        var said: Set<String> = []
        let fixes = conflicts.map { $0.fix(for: who.name) }.filter { said.insert($0).inserted }.joined(separator: "; ")
        return DutyFinding(kind: .can, person: ref(who), login: who.login, conflicts: conflicts,
                           message: "\(who.label) " + conflicts.map(\.words).joined(separator: "; ") + ".",
                           fix: fixes.prefix(1).uppercased() + fixes.dropFirst() + ".")
    }

    static func administratorFinding(_ who: DutyPerson, acts: [DutyAct]) -> DutyFinding {
        let vendors = Dictionary(grouping: acts, by: \.vendor.id).values.compactMap(\.first?.vendor.name).sorted()
        let did = vendors.isEmpty ? "" : " On \(vendors.count) vendor\(vendors.count == 1 ? "" : "s") (\(vendors.joined(separator: ", "))) they both "
            + "changed the vendor's record or bank account and posted, approved or paid its bills: see the evidence."
        return DutyFinding(
            kind: .administrator, person: ref(who), login: who.login, evidence: acts,
            message: "\(who.label) administers Odoo (Settings)\(who.active ? "" : ", archived,") and can give themselves every duty.\(did)",
            fix: "Keep administration apart from daily payables: give \(who.name) a separate login for administration, without accounting "
                + "groups, and have a second person review what the administrator login changes on vendors and bank accounts.")
    }

    static func ref(_ person: DutyPerson) -> RecordRef { RecordRef(model: "res.users", id: person.odooUserID, name: person.name) }

    static func chronological(_ a: DutyAct, _ b: DutyAct) -> Bool {
        (a.at?.secondsSinceEpoch ?? .min, a.record.model, a.record.id) < (b.at?.secondsSinceEpoch ?? .min, b.record.model, b.record.id)
    }

    static func list(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    struct PersonVendor: Hashable {
        var userID: Int
        var vendorID: Int
    }
}
