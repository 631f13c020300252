/// Drafts one kind of adjusting entry from a company's ledger.
public protocol AdjustmentProposer: Sendable {
    var kind: AdjustmentKind { get }
    func proposals(in context: ProposalContext) -> [AdjustmentProposal]
}
