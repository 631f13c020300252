public import Foundation
public import Ledger

extension AppDatabase {
    /// The post already recorded for this finding on this record, if any.
    public func findingPost(sourceKey: SourceKey, fingerprint: String, model: String, resID: Int) throws -> FindingPost? {
        try writer.read { db in try Self.findingPost(sourceKey: sourceKey, fingerprint: fingerprint, model: model, resID: resID, in: db) }
    }

    /// Records a post and its audit event in one transaction. Recording the same finding on the same
    /// record again changes nothing and returns the post stored first.
    @discardableResult
    public func recordFindingPost(_ post: FindingPost, actor: String, at date: Date = Date()) throws -> FindingPost {
        try writer.write { db in
            if let stored = try Self.findingPost(sourceKey: post.sourceKey, fingerprint: post.fingerprint, model: post.model,
                                                 resID: post.resID, in: db) {
                return stored
            }
            try db.execute(sql: """
                INSERT INTO finding_post (source_key, fingerprint, model, res_id, check_id, period, thread_model, thread_id,
                                          message_id, activity_id, found_in_odoo, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [post.sourceKey, post.fingerprint, post.model, post.resID, post.checkID, post.period,
                                 post.threadModel, post.threadID, post.messageID, post.activityID, post.foundInOdoo, Self.utcText(date)])
            var payload: AuditPayload = ["source": post.sourceKey.text, "fingerprint": post.fingerprint, "check": post.checkID,
                                         "period": post.period, "message": String(post.messageID)]
            payload["activity"] = post.activityID.map(String.init)
            _ = try Self.appendAudit(NewAuditEvent(
                actor: actor, action: "finding.posted", targets: [AuditTarget(model: post.threadModel, id: String(post.threadID))],
                payload: payload, outcome: post.foundInOdoo ? "found-in-odoo" : "ok"), at: date, in: db)
            return post
        }
    }

    private static func findingPost(sourceKey: SourceKey, fingerprint: String, model: String, resID: Int, in db: any StoreSession) throws -> FindingPost? {
        let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM finding_post WHERE source_key = ? AND fingerprint = ? AND model = ? AND res_id = ?",
                                   arguments: [sourceKey, fingerprint, model, resID])
        return row.map { row in
            FindingPost(sourceKey: row["source_key"], fingerprint: row["fingerprint"], model: row["model"], resID: row["res_id"],
                        checkID: row["check_id"], period: row["period"], threadModel: row["thread_model"], threadID: row["thread_id"],
                        messageID: row["message_id"], activityID: row["activity_id"], foundInOdoo: row["found_in_odoo"])
        }
    }
}
