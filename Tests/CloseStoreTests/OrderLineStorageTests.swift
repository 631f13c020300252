@testable import CloseStore
import Foundation
import Ledger
import Testing

@Suite struct OrderLineStorageTests {
    let key: SourceKey = "test:orders"

    func save(_ database: AppDatabase, _ orderLines: [OrderLine]) throws {
        var result = LedgerFixture.result([LedgerFixture.move(1)])
        result.snapshot.orderLines = orderLines
        let run = try database.startRun(kind: "pull", period: "2026-10", actor: "tester")
        _ = try database.savePull(result, sourceKey: key, window: LedgerFixture.window, incremental: false, runID: run, actor: "tester")
    }

    static let lines = [
        OrderLine(side: .purchase, id: 41, orderID: 7, orderName: "P00007", partnerID: 3, productName: "[FURN_8220] Four Person Desk",
                  accountID: 600, quantityOrdered: Decimal(string: "12.5")!, quantityFulfilled: Decimal(string: "7.25")!,
                  quantityInvoiced: 2, unitPrice: Decimal(string: "2350.57")!, discountPercent: Decimal(string: "2.5")!, currencyID: 1,
                  orderDate: LocalDate(iso: "2026-10-03")!, state: .purchase),
        OrderLine(side: .sale, id: 41, orderID: 9, orderName: "S00009", partnerID: nil, productName: "Service", accountID: nil,
                  quantityOrdered: 1, quantityFulfilled: 1, quantityInvoiced: 0, unitPrice: Decimal(string: "0.1")!, currencyID: 2,
                  currencyRate: Decimal(string: "0.913742")!, orderDate: LocalDate(iso: "2026-09-30")!, state: .done),
    ]

    @Test func orderLinesRoundTripExactlyAndAPullReplacesThem() throws {
        let database = try AppDatabase.inMemory()
        try save(database, Self.lines)
        #expect(try database.loadSnapshot(sourceKey: key).orderLines == Self.lines)
        // The next pull is the open state then: an order invoiced since is gone.
        try save(database, [Self.lines[1]])
        #expect(try database.loadSnapshot(sourceKey: key).orderLines == [Self.lines[1]])
    }
}
