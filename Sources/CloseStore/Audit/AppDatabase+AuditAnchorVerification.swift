public import Governance

extension AppDatabase {
    /// Holds every stored checkpoint against the trusted keys and the chain as it is now. `keys` nil means the
    /// caller has no key configuration (a package, a dashboard): signatures are then left unchecked, but each
    /// checkpoint's position and hash are still compared with the chain.
    func verifyCheckpoints(trusting keys: AuditTrustedKeys?) throws -> (anchoring: AuditAnchoring, problems: [AuditProblem]) {
        try writer.read { db in
            var problems: [AuditProblem] = []
            let guards = try db.triggerNames(on: "audit_checkpoint")
            if guards.count < 2 {
                problems.append(AuditProblem(kind: .guardRemoved, detail: "the append-only triggers on audit_checkpoint were removed; someone altered the store outside Closer"))
            }
            let checkpoints = try Self.auditCheckpoints(db)
            let check = try Self.signedHeadCheck(db, keys: keys)
            let trustedIDs = keys?.keyIDs ?? []
            guard !checkpoints.isEmpty else {
                guard let keys, !keys.isEmpty else { return (AuditAnchoring(status: .notConfigured), problems) }
                if check.lastSeq > 0 {
                    problems.append(AuditProblem(kind: .unanchored, detail: "a signing key is trusted, but the store holds no signed checkpoint of its "
                        + "\(check.lastSeq) events: run `closer audit checkpoint` (if there were checkpoints, they were deleted: "
                        + "compare with the heads published in Odoo, `closer audit verify --odoo`)"))
                }
                return (AuditAnchoring(status: problems.isEmpty ? .anchored : .unanchored, trustedKeyIDs: trustedIDs), problems)
            }
            if keys?.isEmpty == true {
                problems.append(AuditProblem(kind: .noTrustedKey, detail: "\(checkpoints.count) signed checkpoint(s) cannot be checked: no trusted public key was given "
                    + "(set CLOSER_AUDIT_PUBLIC_KEYS or CLOSER_AUDIT_PUBLIC_KEYS_FILE, or CLOSER_AUDIT_KEY_FILE on the machine that signs)"))
            }
            var expected: Int64 = 1
            for checkpoint in checkpoints {
                if checkpoint.number != expected {
                    problems.append(AuditProblem(kind: .checkpointMissing, checkpoint: expected, detail:
                        "checkpoint(s) \(expected)…\(checkpoint.number - 1) are missing (deleted from the store)"))
                }
                expected = checkpoint.number + 1
            }
            var headCheck = check
            if keys?.isEmpty == true { headCheck.keys = nil }   // already reported once above, not once per checkpoint
            let (latest, headProblems) = try Self.check(checkpoints.map(SignedHead.init), with: headCheck)
            problems += headProblems
            let anchoring = AuditAnchoring(
                status: !problems.isEmpty ? .broken : (keys == nil ? .signaturesUnchecked : .anchored),
                checkpointCount: checkpoints.count, trustedKeyIDs: trustedIDs,
                latest: latest.flatMap { head in checkpoints.first { $0.number == head.checkpoint } },
                eventsAfterLatest: Int(check.lastSeq - (latest?.statement.seq ?? 0)))
            return (anchoring, problems)
        }
    }

    /// Holds heads published outside the store (Odoo notes) against the trusted keys and the chain. Returns the problems.
    public func verifyPublishedHeads(_ heads: [SignedHead], trusting keys: AuditTrustedKeys?) throws -> [AuditProblem] {
        try writer.read { db in try Self.check(heads.sorted { $0.statement.seq < $1.statement.seq }, with: Self.signedHeadCheck(db, keys: keys)).problems }
    }

    /// Every refused head is named; of the heads the chain no longer matches, the first is named with the range of
    /// events where the rewrite lies, and the later ones counted (they follow from it).
    static func check(_ heads: [SignedHead], with check: SignedHeadCheck) throws -> (latest: SignedHead?, problems: [AuditProblem]) {
        var problems: [AuditProblem] = []
        var latest: SignedHead?
        var vouched: Int64 = 0
        var mismatches: [AuditProblem] = []
        for head in heads {
            switch try check.check(head, after: vouched) {
            case .matches:
                latest = head
                if mismatches.isEmpty { vouched = max(vouched, head.statement.seq) }
            case .refused(let problem): problems.append(problem)
            case .mismatch(let problem): mismatches.append(problem)
            }
        }
        if var first = mismatches.first {
            if mismatches.count > 1 { first.detail += "; \(mismatches.count - 1) later signed head(s) no longer match either" }
            problems.append(first)
        }
        return (mismatches.isEmpty ? latest : nil, problems)
    }

    static func signedHeadCheck(_ db: any StoreSession, keys: AuditTrustedKeys?) throws -> SignedHeadCheck {
        SignedHeadCheck(keys: keys, chainID: try auditChainID(db),
                        lastSeq: try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM audit_event") ?? 0,
                        hashAt: { seq in try String.fetchOne(db, sql: "SELECT hash FROM audit_event WHERE seq = ?", arguments: [seq]) })
    }
}
