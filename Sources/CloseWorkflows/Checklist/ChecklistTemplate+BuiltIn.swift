extension ChecklistTemplate {
    /// The text of rules/close-checklist.yaml; a test keeps the two identical.
    public static let builtInText = """
        # Closer close checklist: the tasks of a monthly close of a product business, in order of dependency.
        # `closer checklist --period YYYY-MM [--template FILE]` instantiates it once per company and period (keeping
        # this file's SHA-256), completes automatic tasks from the store and shows what blocks what.
        #
        # Task keys:
        #   id          lowercase letters, digits and hyphens; unique
        #   title       what has to be true
        #   owner       a role (viewer, preparer, approver, controller, admin) or a user login
        #   odoo_user   optional: the Odoo login that gets the task as a To-Do with `--assign`
        #   depends_on  ids of tasks that must be done first
        #   due         working days from period end (Monday–Friday, no holiday calendar): 0 is the period's
        #               last working day, 1 the first working day after it, -1 the one before the last
        #   completion  manual (sign-off with a comment: `closer task done ID --comment …`),
        #               pull (the stored ledger covers the period),
        #               check: ID or [IDs] (the latest `closer check` has no finding of them at warning or worse;
        #                 advisories never hold a task open),
        #               proposals: KIND or [KINDs] (adjustment kinds or bank-match: none still waiting for review)
        schema_version: 1
        tasks:
          - id: ledger-pulled
            title: The period's ledger is pulled from Odoo
            owner: preparer
            due: 1
            completion: pull
          - id: drafts-cleared
            title: Draft entries dated in the period are posted or deleted
            owner: preparer
            depends_on: [ledger-pulled]
            due: 1
            completion:
              check: draft-in-period
          - id: bank-reconciled
            title: Bank statements are reconciled and agree with the ledger
            owner: preparer
            depends_on: [ledger-pulled]
            due: 2
            completion:
              check: [unreconciled-statement-line, bank-balance-mismatch, suspense-not-zero]
          - id: bank-matches-decided
            title: Bank-match proposals are approved or rejected
            owner: approver
            depends_on: [ledger-pulled]
            due: 2
            completion:
              proposals: bank-match
          - id: blocking-checks-clean
            title: The ledger is sound (balanced entries, partners on receivables and payables, no duplicate numbers, nothing posted into a locked period)
            owner: preparer
            depends_on: [drafts-cleared]
            due: 2
            completion:
              check: [unbalanced-entry, line-debit-and-credit, posted-after-lock, missing-partner-on-receivable-payable, sequence-duplicate]
          - id: subledgers-and-tax
            title: Subledgers agree with their control accounts and taxes are coded right
            owner: preparer
            depends_on: [drafts-cleared]
            due: 3
            completion:
              check: [subledger-control-mismatch, tax-journal-mismatch, missing-tax-on-income]
          - id: accruals-decided
            title: Accruals for missing bills and goods received or delivered but not invoiced are decided
            owner: approver
            depends_on: [ledger-pulled]
            due: 3
            completion:
              proposals: [accrual, received-not-billed, delivered-not-invoiced]
          - id: deferrals-decided
            title: Deferrals of costs expensed at once and deferral releases are decided
            owner: approver
            depends_on: [ledger-pulled]
            due: 3
            completion:
              proposals: [deferral, deferral-release]
          - id: reclasses-decided
            title: Reclassifications of misposted lines are decided
            owner: approver
            depends_on: [ledger-pulled]
            due: 3
            completion:
              proposals: reclass
          - id: intercompany-agreed
            title: Intercompany balances agree with the group companies (`closer intercompany`)
            owner: controller
            depends_on: [ledger-pulled]
            due: 4
            completion: manual
          - id: flux-reviewed
            title: Month-over-month variances are reviewed and explained (`closer flux`)
            owner: controller
            depends_on: [blocking-checks-clean, bank-reconciled, accruals-decided, deferrals-decided, reclasses-decided]
            due: 4
            completion: manual
          - id: period-locked
            title: The period is locked in Odoo (requested, approved by a controller, verified)
            owner: controller
            depends_on: [flux-reviewed, subledgers-and-tax, intercompany-agreed, bank-matches-decided]
            due: 5
            completion: lock

        """
}
