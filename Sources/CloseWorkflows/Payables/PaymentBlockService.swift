public import CloseStore
public import CloseSettings
public import Ledger
public import OdooLedger
import Payables
import Foundation

/// Keeps Odoo's payment block in step with the store's reviews: set on a blocked bill, lifted once the
/// bill is clear or released — only where Closer set it (a block someone set in Odoo is theirs). Every
/// change is recorded before Odoo is asked, and Odoo is read before it is written, so a retry after a
/// lost answer writes nothing twice.
public struct PaymentBlockService: Sendable {
    public var store: AppDatabase
    public var block: OdooPaymentBlock
    public var actor: String

    public init(store: AppDatabase, block: OdooPaymentBlock, actor: String) {
        self.store = store
        self.block = block
        self.actor = actor
    }

    /// Brings Odoo in line with `review`; returns the review as it now stands.
    public func apply(_ review: BillReview) async throws -> BillReview {
        var review = review
        if review.blocksPayment {
            if !review.blockedInOdoo {
                // Already blocked by someone, paid, or gone: nothing of Closer's to set.
                let state = try await block.paymentStates(of: [review.billID])[review.billID]
                guard let state, state != "blocked", !OdooPaymentBlock.paymentRegistered.contains(state) else { return review }
                try store.setBillBlockedInOdoo(true, sourceKey: review.sourceKey, billID: review.billID, actor: actor)
                review.blockedInOdoo = true
                try await block.setBlocked(billID: review.billID)
            } else {
                // Claimed by an earlier run whose answer may have been lost: read, and write only what is missing.
                try await block.block(billID: review.billID)
            }
        } else if review.blockedInOdoo {
            try await block.unblock(billID: review.billID)
            try store.setBillBlockedInOdoo(false, sourceKey: review.sourceKey, billID: review.billID, actor: actor)
            review.blockedInOdoo = false
        }
        return review
    }

    /// The ledger's blocked bills that Odoo shows paid, partly paid or in payment: a payment was
    /// registered past the block.
    public func paidWhileBlocked(sourceKey: SourceKey) async throws -> [PaidWhileBlocked] {
        let blocked = try store.billReviews(sourceKey: sourceKey, statuses: [.blocked])
        let states = try await block.paymentStates(of: blocked.map(\.billID))
        return blocked.compactMap { review in
            states[review.billID].flatMap { OdooPaymentBlock.paymentRegistered.contains($0) ? PaidWhileBlocked(review: review, paymentState: $0) : nil }
        }
    }
}

/// A bill Closer keeps from payment that Odoo shows paid: the finding says who let it through.
public struct PaidWhileBlocked: Sendable, Codable {
    public var review: BillReview
    /// Odoo's payment state: paid, partial or in_payment.
    public var paymentState: String

    public var message: String {
        "\(review.verdict.bill.title) is \(paymentState.replacingOccurrences(of: "_", with: " ")) in Odoo although Closer blocks it: "
            + review.verdict.reasons.joined(separator: " ") + " Find who registered the payment and whether it must be recovered."
    }
}

extension PaymentBlockService {
    /// Releases a blocked bill as `actor` (never its preparer) and, when the mode writes, lifts the block
    /// Closer set in Odoo; in audit mode the next intake run outside it lifts it. What every surface calls.
    public static func release(store: AppDatabase, settings: OdooSettings?, sourceKey: SourceKey, billID: Int, reason: String,
                               actor: String) async throws -> BillReview {
        let review = try store.releaseBill(sourceKey: sourceKey, billID: billID, reason: reason, actor: actor)
        guard review.blockedInOdoo, let settings, settings.mode != .audit else { return review }
        let source = try OdooGateway.source(settings, writingTo: sourceKey, what: "the bill", action: "lift its payment block")
        return try await PaymentBlockService(store: store, block: OdooPaymentBlock(client: source.client), actor: actor).apply(review)
    }
}
