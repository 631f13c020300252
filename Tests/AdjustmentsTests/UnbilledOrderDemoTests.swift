import Adjustments
import DemoCompany
import Ledger
import Testing

/// The product-business accruals against the demo company's planted orders, on two seeds: every
/// planted order yields exactly its ground-truth amount, and no other order yields anything.
@Suite struct UnbilledOrderDemoTests {
    static let books = [DemoCompany.generate(), DemoCompany.generate(DemoOptions(seed: 7))]

    @Test(arguments: [0, 1], [AdjustmentKind.receivedNotBilled, .deliveredNotInvoiced])
    func proposesExactlyThePlantedOrders(book index: Int, kind: AdjustmentKind) throws {
        let book = Self.books[index]
        let context = ProposalContext(snapshot: book.snapshot, period: book.groundTruth.period)
        let proposer = try #require(AdjustmentProposers.all.first { $0.kind == kind })
        let proposals = proposer.proposals(in: context)
        let planted = book.groundTruth.problems(of: kind.rawValue)
        #expect(planted.count >= 2)
        let proposedByOrder = Dictionary(uniqueKeysWithValues: proposals.map { ($0.evidence[0].id, $0) })
        for problem in planted {
            let order = try #require(problem.records.first)
            let proposal = try #require(proposedByOrder[order.id], "no proposal for \(order.name)")
            #expect(proposal.evidence[0].model == order.model)
            #expect(proposal.entry.total == problem.expectedAmount, "\(order.name): proposed \(String(describing: proposal.entry.total)), planted \(String(describing: problem.expectedAmount))")
            #expect(proposal.entry.isBalanced)
            #expect(proposal.entry.reversalDate == book.groundTruth.period.next.start)
            #expect(proposal.confidence >= 0.75)
        }
        // Fully invoiced, not yet delivered, invoiced ahead and cancelled orders yield nothing.
        let extra = Set(proposedByOrder.keys).subtracting(planted.compactMap { $0.records.first?.id })
        #expect(extra.isEmpty, "proposals for orders that were not planted: \(extra.sorted())")
        let side: OrderSide = kind == .receivedNotBilled ? .purchase : .sale
        let clean = Set(book.snapshot.orderLines.filter { $0.side == side }.map(\.orderID)).subtracting(proposedByOrder.keys)
        #expect(clean.count >= 3, "the demo also has orders with nothing to accrue")
        print("[\(kind.rawValue)] seed \(book.groundTruth.seed): \(proposals.count)/\(planted.count) planted orders proposed exactly, "
              + "\(clean.count) clean orders left alone, \(extra.count) false positives")
    }
}
