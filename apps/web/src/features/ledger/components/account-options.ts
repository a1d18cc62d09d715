import type { AccountSubtype, AccountType } from '../api/get-accounts';

export const ACCOUNT_TYPES: readonly AccountType[] = ['asset', 'liability', 'equity', 'income', 'expense'];

// Which subtypes the API accepts under each type (a custom account must agree with its type).
export const SUBTYPES_BY_TYPE: Record<AccountType, readonly AccountSubtype[]> = {
  asset: ['cash', 'bank', 'receivable', 'inventory', 'current_asset', 'fixed_asset', 'other_asset'],
  liability: ['payable', 'tax', 'current_liability', 'long_term_liability'],
  equity: ['equity', 'retained_earnings'],
  income: ['operating_income', 'contra_income', 'other_income'],
  expense: ['cost_of_sales', 'operating_expense', 'other_expense'],
};
