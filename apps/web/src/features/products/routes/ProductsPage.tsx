import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { CsvExportLink } from '../../../components/CsvExportLink';
import { CsvImportDialog } from '../../../components/CsvImportDialog';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { Icon } from '../../../components/Icon';
import { ListToolbar } from '../../../components/ListToolbar';
import { TableSkeleton } from '../../../components/Skeleton';
import { allows, type Permissions } from '../../../lib/permissions';
import { useMoneyFormat } from '../../../lib/money';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { productsExportUrl } from '../api/export-products';
import { useProducts, type Product, type ProductFilters, type ProductSort } from '../api/get-products';
import { useImportProducts } from '../api/import-products';
import { usePreviewProductsImport } from '../api/preview-products-import';

export function ProductsPage({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('products.title'));
  const money = useMoneyFormat();
  const canWrite = allows(permissions, 'products.write');
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<Product['kind'] | ''>('');
  const [active, setActive] = useState<ProductFilters['active']>('true');
  const [sort, setSort] = useState<ProductSort>('name');
  const [importing, setImporting] = useState(false);
  const q = useDebouncedValue(search);
  const filters: ProductFilters = { q, kind, active, sort };
  const pages = useCursorPages(JSON.stringify(filters));
  const products = useProducts(businessId, filters, pages.cursor);
  const preview = usePreviewProductsImport(businessId);
  const runImport = useImportProducts(businessId);
  const filtered = q.trim() !== '' || kind !== '' || active !== 'true';

  let body;
  if (products.isPending) {
    body = <TableSkeleton columns={5} />;
  } else if (products.isError) {
    body = <ErrorState error={products.error} onRetry={() => void products.refetch()} retrying={products.isFetching} />;
  } else if (products.data.items.length === 0) {
    body = filtered ? (
      <EmptyState
        icon="inventory"
        title={t('products.noMatchTitle')}
        testId="products-empty"
        action={
          <Button
            variant="secondary"
            onClick={() => {
              setSearch('');
              setKind('');
              setActive('true');
            }}
          >
            {t('common.clearFilters')}
          </Button>
        }
      >
        {t('products.noMatchBody')}
      </EmptyState>
    ) : (
      <EmptyState
        icon="inventory"
        title={t('products.emptyTitle')}
        testId="products-empty"
        action={
          canWrite && (
            <Link className="btn btn-primary btn-md" to="/b/$businessId/inventory/products/new" params={{ businessId }}>
              {t('products.new')}
            </Link>
          )
        }
      >
        {canWrite ? t('products.emptyBody') : t('products.emptyBodyReadOnly')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${products.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="products-table">
            <thead>
              <tr>
                <th scope="col">{t('products.fields.name')}</th>
                <th scope="col">{t('products.fields.kind')}</th>
                <th scope="col">{t('products.fields.taxRate')}</th>
                <th scope="col" className="align-end">
                  {t('products.fields.salesPrice')}
                </th>
                <th scope="col" className="align-end">
                  {t('products.fields.purchaseCost')}
                </th>
              </tr>
            </thead>
            <tbody>
              {products.data.items.map((product) => (
                <tr key={product.id} data-testid={`product-row-${product.id}`}>
                  <td>
                    <div className="person">
                      <Link
                        className="person-name"
                        to="/b/$businessId/inventory/products/$productId"
                        params={{ businessId, productId: product.id }}
                      >
                        {product.name}
                        {!product.active && <span className="badge badge-muted">{t('products.inactive')}</span>}
                      </Link>
                      <span className="person-email">
                        <span className="mono">{product.sku}</span>
                        {product.trackStock && (
                          <>
                            {' · '}
                            <Link
                              to="/b/$businessId/inventory/products/$productId/stock"
                              params={{ businessId, productId: product.id }}
                              data-testid={`stock-card-${product.sku}`}
                            >
                              {t('inventory.productPanel.stockCard')}
                            </Link>
                          </>
                        )}
                      </span>
                    </div>
                  </td>
                  <td data-label={t('products.fields.kind')}>
                    {t(`products.kinds.${product.kind}`)} · {product.unit}
                  </td>
                  <td data-label={t('products.fields.taxRate')}>
                    {product.taxRate ? `${product.taxRate.name}` : <span className="muted">{t('products.noTax')}</span>}
                  </td>
                  <td data-label={t('products.fields.salesPrice')} className="align-end num">
                    {money.json(product.salesPrice)}
                  </td>
                  <td data-label={t('products.fields.purchaseCost')} className="align-end num">
                    {money.json(product.purchaseCost)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager
          pageIndex={pages.pageIndex}
          nextCursor={products.data.nextCursor}
          onNext={pages.next}
          onPrevious={pages.previous}
          busy={products.isFetching}
        />
      </>
    );
  }

  return (
    <Card
      title={t('products.title')}
      description={t('products.description')}
      testId="products-section"
      actions={
        <>
          <CsvExportLink href={productsExportUrl(businessId, filters)} testId="export-products" />
          {canWrite && (
            <Button variant="secondary" size="sm" onClick={() => setImporting(true)} data-testid="import-products">
              {t('common.importCsv')}
            </Button>
          )}
          {canWrite && (
            <Link className="btn btn-primary btn-sm" to="/b/$businessId/inventory/products/new" params={{ businessId }} data-testid="new-product">
              <Icon name="plus" size={16} />
              <span>{t('products.new')}</span>
            </Link>
          )}
        </>
      }
    >
      <ListToolbar>
        <input
          className="input input-sm toolbar-search"
          type="search"
          placeholder={t('products.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="products-search"
        />
        <select
          className="input select input-sm"
          aria-label={t('products.fields.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as Product['kind'] | '')}
          data-testid="products-kind"
        >
          <option value="">{t('products.allKinds')}</option>
          {(['product', 'service'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`products.kinds.${k}`)}
            </option>
          ))}
        </select>
        <select
          className="input select input-sm"
          aria-label={t('products.activeFilter')}
          value={active}
          onChange={(e) => setActive(e.target.value as ProductFilters['active'])}
          data-testid="products-active"
        >
          <option value="true">{t('products.showActive')}</option>
          <option value="false">{t('products.showInactive')}</option>
          <option value="any">{t('products.showAll')}</option>
        </select>
        <select
          className="input select input-sm"
          aria-label={t('common.sort')}
          value={sort}
          onChange={(e) => setSort(e.target.value as ProductSort)}
          data-testid="products-sort"
        >
          <option value="name">{t('common.sortNameAsc')}</option>
          <option value="-name">{t('common.sortNameDesc')}</option>
          <option value="sku">{t('products.sortSku')}</option>
          <option value="-createdAt">{t('common.sortNewest')}</option>
          <option value="createdAt">{t('common.sortOldest')}</option>
        </select>
      </ListToolbar>
      {body}
      <CsvImportDialog
        open={importing}
        title={t('products.importTitle')}
        columnsHint={
          <>
            {t('products.importHint')} {t('inventory.importHint')}
          </>
        }
        onClose={() => setImporting(false)}
        preview={{ run: preview.mutateAsync, pending: preview.isPending, error: preview.error, reset: preview.reset }}
        runImport={{ run: runImport.mutateAsync, pending: runImport.isPending, error: runImport.error, reset: runImport.reset }}
      />
    </Card>
  );
}
