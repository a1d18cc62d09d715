/** The shape of a chart of accounts. Mirrors the CHECK constraints in the ledger migration. */

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'income', 'expense'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const ACCOUNT_SUBTYPES = {
  asset: ['cash', 'bank', 'receivable', 'inventory', 'current_asset', 'fixed_asset', 'other_asset'],
  liability: ['payable', 'tax', 'current_liability', 'long_term_liability'],
  equity: ['equity', 'retained_earnings'],
  income: ['operating_income', 'contra_income', 'other_income'],
  expense: ['cost_of_sales', 'operating_expense', 'other_expense'],
} as const satisfies Record<AccountType, readonly string[]>;

export const ALL_SUBTYPES: readonly string[] = Object.values(ACCOUNT_SUBTYPES).flat();

/**
 * Stable keys of the accounts every business has (seeded by ensure_default_chart()). Other modules
 * post to these keys, never to codes or names, which the business may see differently.
 */
export const SYSTEM_ACCOUNT_KEYS = [
  'cash',
  'bank',
  'accounts_receivable',
  'inventory',
  'prepaid_expenses',
  'tax_receivable',
  'equipment',
  'accounts_payable',
  'goods_received_not_invoiced',
  'tax_payable',
  'customer_credit',
  'accrued_liabilities',
  'loans_payable',
  'owner_equity',
  'opening_balance_equity',
  'owner_drawings',
  'retained_earnings',
  'sales',
  'sales_discounts',
  'cost_of_goods_sold',
  'inventory_adjustments',
  'purchase_price_variance',
  'rent',
  'salaries',
  'utilities',
  'marketing',
  'bank_fees',
  'office_supplies',
  'travel',
  'other_expenses',
  'interest_income',
  'interest_expense',
  'fx_gain_loss',
] as const;
export type SystemAccountKey = (typeof SYSTEM_ACCOUNT_KEYS)[number];

/**
 * Accounts whose balance must equal the sum of open documents (invoices, bills, customer credit,
 * stock). Only those documents post to them; a manual entry would make the books disagree with the
 * documents, so manual entries are refused on these.
 */
export const CONTROL_ACCOUNT_KEYS: readonly SystemAccountKey[] = [
  'accounts_receivable',
  'accounts_payable',
  'customer_credit',
  'inventory',
  'goods_received_not_invoiced',
];

export type Side = 'debit' | 'credit';

/** Which side increases the account: assets and expenses (and contra-income) are debit-normal. */
export function normalBalance(type: AccountType, subtype: string): Side {
  if (type === 'asset' || type === 'expense') return 'debit';
  return subtype === 'contra_income' ? 'debit' : 'credit';
}
