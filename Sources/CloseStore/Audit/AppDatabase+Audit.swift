import Ledger
public import Foundation
public import Governance

extension AppDatabase {
    /// Appends an event to the hash chain and returns it as stored.
    @discardableResult
    public func recordAudit(_ event: NewAuditEvent, at date: Date = Date()) throws -> AuditEvent {
        try writer.write { db in try Self.appendAudit(event, at: date, in: db) }
    }

    /// Appends inside an existing transaction, so an action and its audit event commit together.
    static func appendAudit(_ new: NewAuditEvent, at date: Date, in db: any StoreSession) throws -> AuditEvent {
        let head = try StoreRow.fetchOne(db, sql: "SELECT seq, hash FROM audit_head WHERE id = 1")
        let seq: Int64 = (head?["seq"] ?? 0) + 1
        let previousHash: String = head?["hash"] ?? AuditChain.genesisHash
        let recordedAt = Self.utcText(date)
        let targets = AuditChain.targetsJSON(new.targets)
        let payload = new.payload.canonicalJSON
        let eventID = UUID().uuidString.lowercased()
        let hash = AuditChain.hash(seq: seq, eventID: eventID, recordedAt: recordedAt, actor: new.actor, action: new.action,
                                   targets: targets, payload: payload, outcome: new.outcome, previousHash: previousHash)
        try db.execute(sql: """
            INSERT INTO audit_event (seq, event_id, recorded_at, actor, action, targets, payload, outcome, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [seq, eventID, recordedAt, new.actor, new.action, targets, payload, new.outcome, previousHash, hash])
        try db.execute(sql: "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
                       arguments: [seq, hash])
        return AuditEvent(seq: seq, eventID: eventID, recordedAt: recordedAt, actor: new.actor, action: new.action,
                          targets: new.targets, payload: payload, outcome: new.outcome, previousHash: previousHash, hash: hash)
    }

    /// Events in chain order, optionally from a sequence number on.
    public func auditEvents(from seq: Int64 = 1) throws -> [AuditEvent] {
        try writer.read { db in
            try StoreRow.fetchAll(db, sql: "SELECT * FROM audit_event WHERE seq >= ? ORDER BY seq", arguments: [seq]).map(Self.auditEvent)
        }
    }

    /// Runs SQLite's integrity check on the whole file, then recomputes every hash and link. Reports every
    /// problem found, not just the first: damaged pages, an edited event (content no longer matches its hash),
    /// a missing one (a gap in the sequence), a reordered one (its link does not point at its predecessor),
    /// a truncated tail (the head records a later event than the last one present), and removed append-only guards.
    /// Then holds the signed checkpoints against the chain (see `verifyCheckpoints`): a chain rebuilt by hand,
    /// head record included, no longer has the hash a checkpoint signed. `keys`: the public keys trusted from
    /// outside the store; nil when the caller has none configured (signatures are then not checked).
    public func verifyAuditTrail(trusting keys: AuditTrustedKeys? = nil) throws -> AuditVerification {
        let damage: [String]
        do { damage = try integrityProblems() } catch let error as StoreError where error == .damaged(path: path) { damage = ["unreadable"] }
        var verification: AuditVerification
        do {
            verification = try verifyChain()
        } catch let error as StoreError where error == .damaged(path: path) {
            verification = AuditVerification(eventCount: 0, problems: [AuditProblem(kind: .damaged, detail: "the audit trail cannot be read to its end")])
        }
        do {
            let (anchoring, problems) = try verifyCheckpoints(trusting: keys)
            verification.anchoring = anchoring
            verification.problems += problems
        } catch let error as StoreError where error == .damaged(path: path) {
            verification.anchoring = AuditAnchoring(status: .broken)
            verification.problems.append(AuditProblem(kind: .damaged, detail: "the audit checkpoints cannot be read"))
        }
        if !damage.isEmpty {
            verification.problems.insert(AuditProblem(kind: .damaged, detail: "SQLite's integrity check found \(damage.count) damaged page(s) or index(es) "
                + "in the store file: keep it for investigation and restore it from a backup, or pull into a new store"), at: 0)
        }
        verification.store = path
        return verification
    }

    func verifyChain() throws -> AuditVerification {
        try writer.read { db in
            var problems: [AuditProblem] = []
            let guards = try db.triggerNames(on: "audit_event")
            if guards.count < 2 {
                problems.append(AuditProblem(kind: .guardRemoved, detail: "the append-only triggers on audit_event were removed; someone altered the store outside Closer"))
            }
            var expectedSeq: Int64 = 1
            var previousHash = AuditChain.genesisHash
            var count = 0
            let rows = try StoreRow.fetchCursor(db, sql: "SELECT * FROM audit_event ORDER BY seq")
            while let row = try rows.next() {
                let event = Self.auditEvent(row)
                count += 1
                if event.seq != expectedSeq {
                    problems.append(AuditProblem(kind: .missing, seq: expectedSeq, detail:
                        "events #\(expectedSeq)…#\(event.seq - 1) are missing (deleted from the store)"))
                } else if event.previousHash != previousHash {
                    problems.append(AuditProblem(kind: .reordered, seq: event.seq, eventID: event.eventID, action: event.action,
                        detail: "it does not follow the event before it (reordered, or its predecessor was replaced)"))
                }
                let recomputed = AuditChain.hash(seq: event.seq, eventID: event.eventID, recordedAt: event.recordedAt,
                    actor: event.actor, action: event.action, targets: row["targets"], payload: event.payload,
                    outcome: event.outcome, previousHash: event.previousHash)
                if recomputed != event.hash {
                    problems.append(AuditProblem(kind: .edited, seq: event.seq, eventID: event.eventID, action: event.action,
                        detail: "its content was edited after it was recorded (recorded by \(event.actor) at \(event.recordedAt))"))
                }
                expectedSeq = event.seq + 1
                previousHash = event.hash
            }
            if let head = try StoreRow.fetchOne(db, sql: "SELECT seq, hash FROM audit_head WHERE id = 1") {
                let headSeq: Int64 = head["seq"]
                let headHash: String = head["hash"]
                if headSeq != expectedSeq - 1 || headHash != previousHash {
                    problems.append(AuditProblem(kind: .truncated, seq: headSeq, detail:
                        "the trail should end at event #\(headSeq) but ends at #\(expectedSeq - 1): events were removed from the end"))
                }
            } else if count > 0 {
                problems.append(AuditProblem(kind: .truncated, detail: "the trail's head record is missing"))
            }
            return AuditVerification(eventCount: count, problems: problems)
        }
    }

    static func auditEvent(_ row: StoreRow) -> AuditEvent {
        let targetsText: String = row["targets"]
        let targets = (try? JSONDecoder().decode([AuditTarget].self, from: Data(targetsText.utf8))) ?? []
        return AuditEvent(seq: row["seq"], eventID: row["event_id"], recordedAt: row["recorded_at"], actor: row["actor"],
                          action: row["action"], targets: targets, payload: row["payload"], outcome: row["outcome"],
                          previousHash: row["previous_hash"], hash: row["hash"])
    }
}

extension AppDatabase {
    /// "2026-11-22T20:43:50.123Z": UTC with milliseconds, formatted without shared formatter state.
    static func utcText(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let stamp = Timestamp(secondsSinceEpoch: seconds).description.replacingOccurrences(of: " ", with: "T")
        let fraction = String(milliseconds - seconds * 1000)
        return stamp + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }
}
