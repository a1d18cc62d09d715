import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { FormError } from '../../../components/FormError';
import { useFormErrors } from '../../../lib/error-message';
import { moneyInputValue } from '../../../lib/money';
import { useTaxRates } from '../../taxes/api/get-tax-rates';
import type { CreateProductInput } from '../api/create-product';
import type { Product } from '../api/get-products';

const FIELDS = ['sku', 'name', 'kind', 'unit', 'salesPrice', 'purchaseCost', 'taxRateId', 'trackStock', 'active', 'description'];

type Kind = Product['kind'];

export function ProductForm({
  businessId,
  baseCurrency,
  product,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  businessId: string;
  baseCurrency: string;
  product?: Product;
  pending: boolean;
  error: unknown;
  onSubmit: (body: CreateProductInput) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const taxRates = useTaxRates(businessId);
  const defaultRate = taxRates.data?.items.find((r) => r.isDefault)?.id ?? '';
  const [values, setValues] = useState({
    sku: product?.sku ?? '',
    name: product?.name ?? '',
    kind: product?.kind ?? ('product' as Kind),
    unit: product?.unit ?? 'pcs',
    salesPrice: moneyInputValue(product?.salesPrice),
    purchaseCost: moneyInputValue(product?.purchaseCost),
    // undefined until chosen: a new product then gets the business's default rate.
    taxRateId: product ? (product.taxRate?.id ?? '') : (undefined as string | undefined),
    trackStock: product?.trackStock ?? false,
    active: product?.active ?? true,
    description: product?.description ?? '',
  });
  const errors = useFormErrors(error, FIELDS);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const taxRateId = values.taxRateId ?? defaultRate;
  const rateOptions = [
    { value: '', label: t('products.noTax') },
    ...(taxRates.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name} (${r.rate}%)` })),
    ...(product?.taxRate && !product.taxRate.active
      ? [{ value: product.taxRate.id, label: `${product.taxRate.name} (${product.taxRate.rate}%)` }]
      : []),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      sku: values.sku.trim(),
      name: values.name.trim(),
      kind: values.kind,
      unit: values.unit.trim() || 'pcs',
      salesPrice: values.salesPrice.trim() || '0',
      purchaseCost: values.purchaseCost.trim() || null,
      taxRateId: taxRateId || null,
      trackStock: values.kind === 'product' && values.trackStock,
      active: values.active,
      description: values.description.trim() || null,
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="product-form">
      <Card title={t('products.form.basics')}>
        <div className="form">
          <div className="form-row">
            <TextField label={t('products.fields.sku')} name="sku" value={values.sku} onChange={(e) => set('sku', e.target.value)} error={errors.field('sku')} autoFocus />
            <TextField label={t('products.fields.name')} name="name" value={values.name} onChange={(e) => set('name', e.target.value)} error={errors.field('name')} />
          </div>
          <div className="form-row">
            <SelectField
              label={t('products.fields.kind')}
              name="kind"
              value={values.kind}
              options={(['product', 'service'] as const).map((k) => ({ value: k, label: t(`products.kinds.${k}`) }))}
              onChange={(e) => set('kind', e.target.value as Kind)}
              error={errors.field('kind')}
            />
            <TextField label={t('products.fields.unit')} name="unit" value={values.unit} onChange={(e) => set('unit', e.target.value)} error={errors.field('unit')} hint={t('products.form.unitHint')} />
          </div>
          <TextAreaField
            label={t('products.fields.description')}
            name="description"
            value={values.description}
            onChange={(e) => set('description', e.target.value)}
            error={errors.field('description')}
          />
        </div>
      </Card>
      <Card title={t('products.form.pricing')} description={t('products.form.pricingHint', { currency: baseCurrency })}>
        <div className="form">
          <div className="form-row form-row-3">
            <TextField
              label={t('products.fields.salesPrice')}
              name="salesPrice"
              inputMode="decimal"
              value={values.salesPrice}
              placeholder="0.00"
              onChange={(e) => set('salesPrice', e.target.value)}
              error={errors.field('salesPrice')}
            />
            <TextField
              label={t('products.fields.purchaseCost')}
              name="purchaseCost"
              inputMode="decimal"
              value={values.purchaseCost}
              onChange={(e) => set('purchaseCost', e.target.value)}
              error={errors.field('purchaseCost')}
            />
            <SelectField
              label={t('products.fields.taxRate')}
              name="taxRateId"
              value={taxRateId}
              options={rateOptions}
              onChange={(e) => set('taxRateId', e.target.value)}
              error={errors.field('taxRateId')}
              disabled={taxRates.isPending}
            />
          </div>
          {values.kind === 'product' && (
            <CheckboxField
              label={t('products.fields.trackStock')}
              name="trackStock"
              checked={values.trackStock}
              onChange={(e) => set('trackStock', e.target.checked)}
              error={errors.field('trackStock')}
              hint={t('products.form.trackStockHint')}
            />
          )}
          <CheckboxField
            label={t('products.fields.active')}
            name="active"
            checked={values.active}
            onChange={(e) => set('active', e.target.checked)}
            error={errors.field('active')}
            hint={t('products.form.activeHint')}
          />
        </div>
      </Card>
      <FormError error={errors.general} extra={errors.unplacedFieldMessages} />
      <div className="form-actions">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" pending={pending} pendingLabel={t('common.saving')} data-testid="save-product">
          {product ? t('common.save') : t('products.create')}
        </Button>
      </div>
    </form>
  );
}
