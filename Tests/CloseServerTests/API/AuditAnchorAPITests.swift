import CloseStore
import Foundation
import Governance
import Testing

/// GET /api/v1/audit verifies the checkpoints with the keys the server was given from outside the store.
@Suite struct AuditAnchorAPITests {
    @Test func theAuditPageHoldsTheCheckpointsAgainstTheServersTrustedKeys() async throws {
        let demo = try await ServedDemo.make()
        let key = AuditSigningKey.generate()
        try demo.store.recordAuditCheckpoint(signingWith: key, actor: "closer-agent")
        let cases: [(AuditTrustedKeys?, String)] = [(AuditTrustedKeys([key.publicKey]), "anchored"),
                                                   (AuditTrustedKeys([AuditSigningKey.generate().publicKey]), "broken"),
                                                   (nil, "signatures-unchecked")]
        for (keys, status) in cases {
            try await TestServer.inProcess(demo.server(auditKeys: keys)) { server in
                let reply = try await server.send("GET", "/api/v1/audit?limit=1", token: demo.tokens["vera"])
                #expect(reply.status == 200, "\(reply.text)")
                let verification = try #require(try reply.json()["verification"] as? [String: Any])
                #expect((verification["anchoring"] as? [String: Any])?["status"] as? String == status)
            }
        }
    }
}
