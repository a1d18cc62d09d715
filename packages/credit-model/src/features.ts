import type { AttrKey } from './attributes';

/**
 * The ratios the model may use: those of the training data that Keeper's ledger can compute the
 * same way (FEATURES.md next to the model gives each one's formula over the chart of accounts).
 * Each has a direction from finance, not from the data: the model is constrained to be monotone
 * in it, so "more profit" can never raise the risk. A missing ratio (a zero denominator, or too
 * little history) is either 'learned' (the model gives it its own weight from the data) or
 * 'neutral' (treated as unknown: the average over businesses that have a value).
 */
export interface FeatureDefinition {
  key: AttrKey;
  /** +1: the risk rises with the ratio; -1: the risk falls as the ratio rises. */
  monotone: 1 | -1;
  missing: 'learned' | 'neutral';
  /** Stem of the reason codes: `${code}_LOW`, `${code}_HIGH` or `${code}_MISSING`. */
  code: string;
  name: { en: string; 'zh-CN': string };
  /** The sentence an owner reads when this ratio pushes the risk up. */
  adverse: { en: string; 'zh-CN': string };
}

export const FEATURE_DEFINITIONS: readonly FeatureDefinition[] = [
  {
    key: 'attr1',
    monotone: -1,
    missing: 'learned',
    code: 'NET_RETURN_ON_ASSETS',
    name: { en: 'net profit / total assets', 'zh-CN': '净利润 / 总资产' },
    adverse: {
      en: 'Profit after all costs and interest over the last 12 months is low for the assets the business uses.',
      'zh-CN': '过去12个月扣除全部成本和利息后的利润，相对于企业占用的资产偏低。',
    },
  },
  {
    key: 'attr35',
    monotone: -1,
    missing: 'learned',
    code: 'OPERATING_RETURN_ON_ASSETS',
    name: { en: 'operating profit / total assets', 'zh-CN': '经营利润 / 总资产' },
    adverse: {
      en: 'Operating profit (sales less cost of sales and operating expenses) over the last 12 months is low for the assets the business uses.',
      'zh-CN': '过去12个月的经营利润（销售额减去销售成本和经营费用）相对于企业占用的资产偏低。',
    },
  },
  {
    key: 'attr39',
    monotone: -1,
    missing: 'learned',
    code: 'OPERATING_MARGIN',
    name: { en: 'operating profit / sales', 'zh-CN': '经营利润 / 销售额' },
    adverse: {
      en: 'Little of each sale is left as profit once cost of sales and operating expenses are paid.',
      'zh-CN': '每笔销售在支付销售成本和经营费用后，留下的利润很少。',
    },
  },
  {
    key: 'attr12',
    monotone: -1,
    missing: 'learned',
    code: 'PROFIT_TO_SHORT_TERM_DEBT',
    name: { en: 'profit before tax / short-term liabilities', 'zh-CN': '税前利润 / 短期负债' },
    adverse: {
      en: 'Profit over the last 12 months is small compared with the debts due within a year.',
      'zh-CN': '过去12个月的利润相对于一年内到期的债务偏少。',
    },
  },
  {
    key: 'attr2',
    monotone: 1,
    missing: 'learned',
    code: 'DEBT_TO_ASSETS',
    name: { en: 'total liabilities / total assets', 'zh-CN': '总负债 / 总资产' },
    adverse: {
      en: 'Debts are a large share of what the business owns.',
      'zh-CN': '负债在企业所拥有的资产中占比较高。',
    },
  },
  {
    key: 'attr51',
    monotone: 1,
    missing: 'learned',
    code: 'SHORT_TERM_DEBT_TO_ASSETS',
    name: { en: 'short-term liabilities / total assets', 'zh-CN': '短期负债 / 总资产' },
    adverse: {
      en: 'Debts due within a year are a large share of what the business owns.',
      'zh-CN': '一年内到期的负债在企业所拥有的资产中占比较高。',
    },
  },
  {
    key: 'attr3',
    monotone: -1,
    missing: 'learned',
    code: 'WORKING_CAPITAL_TO_ASSETS',
    name: { en: 'working capital / total assets', 'zh-CN': '营运资金 / 总资产' },
    adverse: {
      en: 'Current assets exceed the debts due within a year by little, or fall short of them.',
      'zh-CN': '流动资产仅略高于一年内到期的债务，甚至不足以覆盖。',
    },
  },
  {
    key: 'attr4',
    monotone: -1,
    missing: 'learned',
    code: 'CURRENT_RATIO',
    name: { en: 'current assets / short-term liabilities', 'zh-CN': '流动资产 / 短期负债' },
    adverse: {
      en: 'Cash, receivables and stock cover the debts due within a year only thinly.',
      'zh-CN': '现金、应收账款和存货对一年内到期债务的覆盖较薄。',
    },
  },
  {
    key: 'attr46',
    monotone: -1,
    missing: 'learned',
    code: 'QUICK_RATIO',
    name: { en: '(current assets − inventory) / short-term liabilities', 'zh-CN': '（流动资产 − 存货）/ 短期负债' },
    adverse: {
      en: 'Leaving stock aside, current assets cover the debts due within a year only thinly.',
      'zh-CN': '不计存货时，流动资产对一年内到期债务的覆盖较薄。',
    },
  },
  {
    key: 'attr40',
    monotone: -1,
    missing: 'learned',
    code: 'CASH_RATIO',
    name: {
      en: '(current assets − inventory − receivables) / short-term liabilities',
      'zh-CN': '（流动资产 − 存货 − 应收账款）/ 短期负债',
    },
    adverse: {
      en: 'Cash and prepaid amounts are low compared with the debts due within a year.',
      'zh-CN': '现金及预付款项相对于一年内到期的债务偏低。',
    },
  },
  {
    key: 'attr50',
    monotone: -1,
    missing: 'learned',
    code: 'CURRENT_ASSETS_TO_DEBT',
    name: { en: 'current assets / total liabilities', 'zh-CN': '流动资产 / 总负债' },
    adverse: {
      en: 'Current assets are low compared with all the debts of the business.',
      'zh-CN': '流动资产相对于企业的全部负债偏低。',
    },
  },
  {
    key: 'attr63',
    monotone: -1,
    missing: 'learned',
    code: 'SALES_TO_SHORT_TERM_DEBT',
    name: { en: 'sales / short-term liabilities', 'zh-CN': '销售额 / 短期负债' },
    adverse: {
      en: 'Sales over the last 12 months are low compared with the debts due within a year.',
      'zh-CN': '过去12个月的销售额相对于一年内到期的债务偏低。',
    },
  },
  {
    key: 'attr30',
    monotone: 1,
    missing: 'learned',
    code: 'NET_DEBT_TO_SALES',
    name: { en: '(total liabilities − cash) / sales', 'zh-CN': '（总负债 − 现金）/ 销售额' },
    adverse: {
      en: 'Debts less cash are high compared with sales over the last 12 months.',
      'zh-CN': '扣除现金后的负债相对于过去12个月的销售额偏高。',
    },
  },
  {
    key: 'attr9',
    monotone: -1,
    missing: 'learned',
    code: 'ASSET_TURNOVER',
    name: { en: 'sales / total assets', 'zh-CN': '销售额 / 总资产' },
    adverse: {
      en: 'Sales over the last 12 months are low for the assets the business holds.',
      'zh-CN': '过去12个月的销售额相对于企业持有的资产偏低。',
    },
  },
  {
    key: 'attr44',
    monotone: 1,
    missing: 'learned',
    code: 'RECEIVABLE_DAYS',
    name: { en: 'receivables × 365 / sales', 'zh-CN': '应收账款 × 365 / 销售额' },
    adverse: {
      en: 'Customers take long to pay: unpaid invoices equal many days of sales.',
      'zh-CN': '客户付款较慢：未收款发票相当于较多天数的销售额。',
    },
  },
  {
    key: 'attr20',
    monotone: 1,
    missing: 'learned',
    code: 'INVENTORY_DAYS',
    name: { en: 'inventory × 365 / sales', 'zh-CN': '存货 × 365 / 销售额' },
    adverse: {
      en: 'Stock on hand equals many days of sales.',
      'zh-CN': '库存相当于较多天数的销售额。',
    },
  },
  {
    key: 'attr21',
    monotone: -1,
    // In the training data a missing prior year marks companies whose earlier accounts are absent
    // (77 of its 81 such rows went bankrupt); in Keeper it means fewer than 24 months of books,
    // which says nothing about the business. So it is held neutral, and any rule for young
    // businesses belongs to the lending policy, not to this model.
    missing: 'neutral',
    code: 'SALES_GROWTH',
    name: { en: 'sales (last 12 months) / sales (12 months before)', 'zh-CN': '销售额（近12个月）/ 销售额（之前12个月）' },
    adverse: {
      en: 'Sales over the last 12 months fell, or barely grew, compared with the 12 months before.',
      'zh-CN': '过去12个月的销售额与之前12个月相比下降或几乎没有增长。',
    },
  },
];

const BY_KEY = new Map(FEATURE_DEFINITIONS.map((f) => [f.key, f]));

export function featureDefinition(key: AttrKey): FeatureDefinition | undefined {
  return BY_KEY.get(key);
}

/** The owner's sentence when a ratio the model learned a weight for could not be computed. */
export function missingSentence(feature: FeatureDefinition): { en: string; 'zh-CN': string } {
  return {
    en: `The ratio ${feature.name.en} cannot be computed from the books (its denominator is zero), which in the training data went with more defaults.`,
    'zh-CN': `无法根据账簿计算比率「${feature.name['zh-CN']}」（分母为零），在训练数据中这种情况的违约率较高。`,
  };
}
