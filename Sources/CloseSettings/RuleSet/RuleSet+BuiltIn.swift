import CloseChecks
import Ledger
extension RuleSet {
    /// The text of rules/closer-rules.yaml; a test keeps the two identical and equal to the code's defaults.
    public static let builtInText = """
        # Closer rule set: company-specific settings of the close-readiness checks, anomaly detectors and flux review.
        # `closer check --rules FILE` (default ./closer-rules.yaml when present, else these built-in defaults).
        # The run records schema_version and the file's SHA-256, so every check run names the rules it used.
        # docs/checks.md describes every check and detector.
        schema_version: 1

        # Lines on accounts whose code starts with one of these need an analytic distribution.
        analytic_required_code_prefixes: ["6"]
        # Accounts that must be empty at period end (bank suspense).
        suspense_account_codes: ["101404"]
        # Transit accounts that should clear (outstanding receipts/payments, liquidity transfer).
        clearing_account_codes: ["101402", "101403", "101499"]
        # Days after period end within which creating an entry dated in the period is normal, or `learned`: the lag by which
        # 95 % of the company's entries of the twelve months before were keyed in (0 with fewer than 50, at most 10).
        late_posting_grace_days: learned
        # Customer invoice lines on accounts whose code starts with one of these need a tax (an exempt 0 % tax counts).
        tax_required_code_prefixes: ["4"]

        # Check or detector ids to skip (see `closer checks list`).
        disabled_checks: []

        # Triage (`closer check`): a check whose premise the company does not share says so once, findings of one check with
        # one cause become one finding, and the rest is ranked by materiality and risk with a first screen.
        triage:
          systemic_min_findings: 5       # findings of one check sharing a cause (a creation day and author, a journal, an account and partner)
          abandoned_feed_months: 3       # a journal's unreconciled statement lines spanning this many months are one abandoned feed
          check_premises: true           # say once when the company does not share a check's premise (analytic accounting, a journal, weekdays)
          weekend_routine_percent: 10    # weekend postings are routine when at least this share of earlier entries fell on a weekend
          material_percent: 1            # a finding's amount against the period's expenses or revenue (the larger): material from here
          trivial_percent: 0.1           # and trivial below this
          first_screen_min_risk: 0.4     # the first screen: every blocking finding, warnings at least this risky (0…1) or not trivial
          dismissal_max_days: 365        # a dismissal (`closer findings dismiss`) lasts at most this many days

        # Anomaly detectors: what counts as unusual. Each finding reports its score and the threshold it passed.
        anomalies:
          # Users that are not people (OdooBot is user 1): never "unusual" posters.
          system_user_ids: [1]
          duplicate-vendor-bill:
            total_tolerance: 0.01        # totals within 1 % of the larger one
            max_days: 10                 # bill dates at most this many days apart
            max_edit_distance: 2         # references within this many typed characters
            one_field_retyped: true      # report only pairs where the total or the reference is identical
          unusual-amount:
            min_history_lines: 6         # an account needs this many earlier lines for a baseline
            min_robust_z: 8              # (amount − median) / (1.4826 × MAD) at least this
            min_median_multiple: 4       # and the amount at least this many times the median
          rare-account-partner:
            min_partner_history_lines: 3
          benford-deviation:
            min_lines: 20                # bill lines per vendor before the first-digit test applies
            max_mad: 0.015               # Nigrini's nonconformity threshold for the mean absolute deviation
            sampling_allowance: 2.5      # and the MAD above this many times its expected value for the sample size
          round-amount-manual-entry:
            unit: 1000                   # a multiple of this many currency units
            minimum: 5000                # of at least this many
            recurring_months: 3          # unless booked the same in this many earlier months
          unusual-user-journal:
            min_journal_moves: 6
          missing-recurring-bill:
            lookback_months: 4
            min_months: 3                # billed in at least this many of the lookback months
            expected_bills: 3            # expected amount: mean of this many latest bills

        # Bank matching (`closer reconcile`): when a proposal is applied without review, and what a small difference is.
        reconciliation:
          auto_threshold: 0.98           # probability at or above which a match is applied without review (mode permitting)
          auto_margin: 0.3               # and at least this far above the runner-up
          review_threshold: 0.5          # below this a proposal is escalated instead of reviewed
          rounding_tolerance: 5          # minor units: a difference this small is rounding…
          rounding_account_code: "640000"
          fee_tolerance: 5000            # …a shortfall up to this many minor units and fee_max_percent is a deducted bank charge
          fee_max_percent: 10
          fee_account_code: "626000"
          subset_max_items: 14           # open items of one partner tried together for one deposit (1:N)
          subset_max_size: 4             # in combinations of at most this many

        # Flux review (`closer flux`): variances at least this large in both senses are listed.
        flux:
          absolute_amount: 5000          # whole units of the company currency
          relative_percent: 20
          accounts: all                  # all, profit-and-loss or balance-sheet

        # Adjusting entries (`closer propose`): where they are drafted, which kinds Closer may post itself, and how
        # recurring costs and deferrals are read from the books. Accounts and journals by code.
        adjustments:
          journal: MISC
          accrued_liabilities_account: "212000"
          post_kinds: []                 # kinds posted after approval; all others are written as drafts
          autonomous: {}                 # kind: confidence, e.g. {accrual: 0.97}: applied without a person in autonomous mode
          recurring:
            lookback_months: 6
            minimum_months: 3            # billed in at least this many of them, including each of the last two
            estimate_months: 3           # accrue the mean of this many most recent billed months
            stable_spread_percent: 25    # monthly totals within this spread: high confidence
            maximum_spread_percent: 100  # beyond this the amounts are not a cost one can estimate
          deferrals:
            prepaid_accounts: []         # empty: every account of Odoo's prepayments type
            deferred_revenue_accounts: []
            default_months: 0            # months covered when the label names none (0: not scheduled)
          prepaid:                       # bills booked straight to an expense account that pay for later months
            minimum_amount: 1000         # materiality: the part to defer, in whole units of the company currency
            run_rate_multiple: 6         # a line this many times its account's mean month is out of its run-rate
            default_months: 12           # months covered when neither the label nor an earlier deferral says
            minimum_confidence: 0.5      # below this a candidate is neither a finding nor a proposal
          reclass:
            minimum_confidence: 0.9      # the account-suggestion model's probability a reclass needs
            minimum_history: 5           # earlier lines like it (partner, journal, label) before any suggestion
          unbilled_orders:
            received_not_billed_account: "212000"     # credited for goods received on purchase orders, not yet billed
            delivered_not_invoiced_account: "121100"  # debited for goods delivered on sale orders, not yet invoiced (Products to receive)
            fallback_expense_account: "500000"        # goods account when the product and its category name none
            fallback_income_account: "400000"

        # Approvals (`closer approve`, `closer reconcile approve`): how many approvals a proposal needs and whose
        # count, by amount (whole units of the company currency; a tier applies above its amount up to the next).
        # Whatever the tiers say, nobody approves what they prepared, nobody counts twice, the agent never approves.
        approvals:
          default:
            - above: 0
              approvals: 1
              roles: [approver, controller]
            - above: 10000
              approvals: 1
              roles: [controller]
            - above: 50000
              approvals: 2
              roles: [approver, controller]
              controllers: 1             # at least one of the two a controller
          kinds: {}                      # tiers of one kind (accrual, reclass, …, bank-match) replacing the default

        # Period lock (`closer lock request`, `closer lock approve`): which of Odoo's lock dates an approved lock sets to the
        # period end (fiscal_year, tax, sale, purchase, hard; Odoo 16/17: period). The hard lock can never be undone: it
        # needs allow_hard_lock here and --confirm-hard-lock on the approval.
        lock:
          fields: [fiscal_year]
          allow_hard_lock: false

        # Payables (`closer payables …`). Duplicate bills: amounts within the larger of the tolerances count as the same
        # (minor units, percent of the bill), and the same-amount signal looks this many days either side. Purchase-order
        # match: a bill's unit price may differ from the order's by the larger of price_tolerance (per unit, in the currency)
        # and price_tolerance_percent; quantities billed beyond ordered or received by more than quantity_tolerance are
        # exceptions; bills of these product categories or partner ids must bill an order.
        payables:
          duplicates:
            amount_tolerance_minor_units: 0
            amount_tolerance_percent: 0
            date_window_days: 5
          matching:
            price_tolerance: 0.01
            price_tolerance_percent: 2
            quantity_tolerance: 0
            categories_requiring_order: []
            vendor_ids_requiring_order: []
          # Intake (`closer payables intake`, and Odoo's webhook on a vendor bill): what a duplicate showing each signal
          # (its strongest decides) and an order-match exception lead to — warn (a note on the bill), second-approver (no
          # payment until someone other than its preparer approves) or hold (the bill stays draft and unpaid, and a To-Do
          # goes to ap_clerk_login, or to the bill's responsible user when that key is left out). A blocked bill older than
          # sla_days is overdue on the dashboard's exception queue (owned by ap_clerk_login, else the bill's preparer).
          intake:
            on_duplicate:
              exact-reference: hold
              same-attachment: hold
              reformatted-reference: hold
              other-vendor-same-reference: second-approver
              same-amount-near-date: warn
            on_match_exception: hold
            sla_days: 5
          # Approval routing (`closer payables route|approvals|approve|delegate`): each amount threshold a bill reaches (at_least, whole
          # units of the company currency, lowest first) adds a level decided by one person holding one of its roles, so a bill
          # at the second threshold needs two people. Each other rule that fires asks for its roles too, joining a level that asks
          # for the same roles or adding one: new_vendor (no posted bill from the vendor, or its first is fewer than days old),
          # bank_change (the vendor's bank account added or edited within days), analytic_accounts (a line charges one of these
          # analytic account codes: code: [roles]), duplicate and anomaly (the best duplicate or anomaly score at least score).
          # Write `off` for a rule to turn it off. A bill no rule fires on is touchless. Roles are approver or controller; nobody
          # approves a bill they entered or asked to route, nor two levels of one bill; a delegate approves for an absent approver.
          approval:
            amounts:
              - at_least: 1000
                roles: [approver, controller]
              - at_least: 10000
                roles: [controller]
            new_vendor: {days: 90, roles: [controller]}
            bank_change: {days: 30, roles: [controller]}
            analytic_accounts: {}
            duplicate: {score: 0.5, roles: [approver, controller]}
            anomaly: {score: 0.8, roles: [approver, controller]}
        # Receivables (`closer collections …`). The payment-delay model: payments up to grace_days after the due date count as
        # on time; a customer's own payments count against the company's prior as prior_weight invoices' worth; a payment
        # weighs half as much half_life_invoices invoices further back. Reminders: each level starts at days_overdue (lowest
        # first) and has a tone (friendly, firm, final), a channel (email, letter, phone) and a signer (the collector who
        # reviews it, or the controller); only level 1 may set autonomous_send, which lets autonomous mode send it without a
        # person. collector_login reviews the drafts (else the customer's salesperson, else the administrator). A bank line
        # not yet reconciled that the bank matcher scores at least payment_match_score against an invoice counts as its
        # payment: no reminder. Credit: a hold is proposed when the exposure (receivable plus confirmed sales orders not yet
        # invoiced) passes the customer's credit limit in Odoo, or when at least seriously_overdue_minimum (whole units) is
        # more than seriously_overdue_days overdue; release_automatically lifts an applied hold once the customer is back
        # within policy. Promises: a promise to pay is broken grace_days after its date when less than promised has come in.
        receivables:
          model:
            grace_days: 5
            prior_weight: 4
            half_life_invoices: 6
          reminders:
            levels:
              - {days_overdue: 7, tone: friendly, channel: email, signed_by: collector, autonomous_send: false}
              - {days_overdue: 21, tone: firm, channel: email, signed_by: collector, autonomous_send: false}
              - {days_overdue: 45, tone: final, channel: letter, signed_by: controller, autonomous_send: false}
            payment_match_score: 0.8
          credit:
            seriously_overdue_days: 60
            seriously_overdue_minimum: 0
            release_automatically: true
          promises:
            grace_days: 2
        # Treasury (payment runs). A vendor's new or changed bank account is not paid for cool_off_days after the change,
        # whatever was verified; two payments of the same amount to the same vendor within duplicate_window_days, one of them
        # matched to no bill, look like one bill paid twice; a discount for paying early is taken when it is worth at least
        # minimum_discount_annual_rate a year (0.10: 10 %). When Closer first watches a company, bank accounts created or
        # changed within recent_change_days count as changes still to verify; older ones are history.
        treasury:
          cool_off_days: 5
          duplicate_window_days: 10
          minimum_discount_annual_rate: 0.10
          recent_change_days: 30
        # Expenses (`closer expenses check`). Amounts are whole units of the company's currency; a limit of 0 is none. An
        # expense above receipt_required_above needs a receipt attached; per_day_limit caps what one employee claims for one
        # day (all categories, every report), per_report_limit what one report (a trip) totals; categories set limits per
        # expense and per day for a category named by its internal reference, product name or product category (FOOD and
        # GIFT are Odoo's own Meals and Gifts). Two expenses of one employee and category are near-duplicates when their
        # amounts are within amount_tolerance_percent of the larger and their dates within window_days.
        expenses:
          receipt_required_above: 25
          per_day_limit: 500
          per_report_limit: 5000
          categories:
            - {match: FOOD, per_expense: 100}
            - {match: GIFT, per_expense: 50}
          duplicates:
            amount_tolerance_percent: 5
            window_days: 3
        # The operations view (`closer operations`). Every open business exception has an owner (a Closer role or a login)
        # and sla_days, the whole days it may stay open before it is overdue: a line per area, or per kind of an area
        # (e.g. treasury.bank-change-unverified) over its area's. A record's own decider (the level a bill's approval waits
        # for, an expense report's manager in Odoo) owns it first; bills the intake holds keep payables.intake's owner and SLA. Technical incidents (Odoo unreachable, webhook dead
        # letters, a failed run) are the administrator's and page them instead.
        operations:
          payables: {owner: approver, sla_days: 2}
          receivables: {owner: approver, sla_days: 5}
          treasury: {owner: controller, sla_days: 1}
          expenses: {owner: approver, sla_days: 5}
          duties: {owner: controller, sla_days: 10}

        """
}
