import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { CursorPager, useCursorPages } from '../../../components/CursorPager';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { FormError } from '../../../components/FormError';
import { Icon } from '../../../components/Icon';
import { ListToolbar } from '../../../components/ListToolbar';
import { TableSkeleton } from '../../../components/Skeleton';
import { useFormatters } from '../../../lib/format';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useConvertReorderSuggestion } from '../api/convert-reorder-suggestion';
import { useDeleteReorderRule } from '../api/delete-reorder-rule';
import { useDismissReorderSuggestion } from '../api/dismiss-reorder-suggestion';
import { useReorderRules, type ReorderRule, type RuleFilters } from '../api/get-reorder-rules';
import { useReorderSuggestions, type ReorderSuggestion, type SuggestionStatus } from '../api/get-reorder-suggestions';
import { ConvertSuggestionDialog } from '../components/ConvertSuggestionDialog';
import { LocationSelect } from '../components/LocationSelect';
import { ReorderRuleDialog } from '../components/ReorderRuleDialog';
import { ProductCell } from '../components/ProductCell';
import { useQuantityFormat } from '../quantity';

/** Low stock: what to order now (suggestions) and the rules that raise them. */
export function ReorderPage({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('inventory.reorder.title'));
  const canWrite = allows(permissions, 'inventory.write');
  return (
    <>
      <SuggestionsCard businessId={businessId} canWrite={canWrite} />
      <RulesCard businessId={businessId} canWrite={canWrite} />
    </>
  );
}

function SuggestionsCard({ businessId, canWrite }: { businessId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const money = useMoneyFormat();
  const qty = useQuantityFormat();
  const format = useFormatters();
  const [status, setStatus] = useState<SuggestionStatus>('open');
  const [locationId, setLocationId] = useState('');
  const pages = useCursorPages(`${status}|${locationId}`);
  const suggestions = useReorderSuggestions(businessId, { status, locationId }, pages.cursor);
  const dismiss = useDismissReorderSuggestion(businessId);
  const convert = useConvertReorderSuggestion(businessId);
  const [converting, setConverting] = useState<ReorderSuggestion | null>(null);
  const [converted, setConverted] = useState<{ name: string; orderId: string } | null>(null);
  const canConvert = suggestions.data?.canConvert ?? false;

  const quickConvert = (g: ReorderSuggestion) => {
    setConverted(null);
    if (!g.supplier) return setConverting(g);
    convert.mutate({ suggestionId: g.id, body: {} }, { onSuccess: (r) => setConverted({ name: g.product.name, orderId: r.purchaseOrder.id }) });
  };

  let body;
  if (suggestions.isPending) body = <TableSkeleton columns={6} />;
  else if (suggestions.isError) body = <ErrorState error={suggestions.error} onRetry={() => void suggestions.refetch()} retrying={suggestions.isFetching} />;
  else if (suggestions.data.items.length === 0) {
    body = (
      <EmptyState icon="inventory" title={t(`inventory.reorder.emptySuggestions.${status}`)} testId="suggestions-empty">
        {status === 'open' ? t('inventory.reorder.emptySuggestionsBody') : null}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${suggestions.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="suggestions-table">
            <thead>
              <tr>
                <th scope="col">{t('inventory.columns.product')}</th>
                <th scope="col" className="align-end">{t('inventory.reorder.availableNow')}</th>
                <th scope="col" className="align-end">{t('inventory.reorder.suggested')}</th>
                <th scope="col">{t('inventory.reorder.supplier')}</th>
                {status === 'open' && canWrite && (
                  <th scope="col" className="align-end">
                    <span className="sr-only">{t('inventory.locations.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {suggestions.data.items.map((g) => (
                <tr key={g.id} data-testid={`suggestion-${g.product.sku}`}>
                  <td>
                    <ProductCell
                      businessId={businessId}
                      product={g.product}
                      locationId={g.location.id}
                      detail={`${g.location.name} · ${format.date(g.createdAt)}${g.closedReason && g.status !== 'open' ? ` · ${t(`inventory.reorder.closed.${g.closedReason}`)}` : ''}`}
                    />
                  </td>
                  <td data-label={t('inventory.reorder.availableNow')} className="align-end num">
                    <span className="stacked">
                      <span className={g.availableNow.startsWith('-') ? 'text-danger' : undefined}>{qty(g.availableNow)}</span>
                      <span className="muted small">{t('inventory.reorder.pointOf', { point: qty(g.reorderPoint) })}</span>
                    </span>
                  </td>
                  <td data-label={t('inventory.reorder.suggested')} className="align-end num">
                    <span className="stacked">
                      <span>
                        <strong>{qty(g.quantity)}</strong> <span className="muted small">{g.product.unit}</span>
                      </span>
                      {g.estimatedCost && <span className="muted small">{t('inventory.reorder.aboutCost', { cost: money.json(g.estimatedCost) })}</span>}
                    </span>
                  </td>
                  <td data-label={t('inventory.reorder.supplier')}>{g.supplier?.name ?? <span className="muted">{t('inventory.reorder.noSupplier')}</span>}</td>
                  {status === 'open' && canWrite && (
                    <td className="align-end">
                      <div className="row-actions row-actions-wrap">
                        <Button
                          size="sm"
                          variant="secondary"
                          disabled={!canConvert}
                          title={canConvert ? undefined : t('inventory.reorder.convertUnavailable')}
                          pending={convert.isPending && convert.variables?.suggestionId === g.id}
                          onClick={() => quickConvert(g)}
                          data-testid={`convert-${g.product.sku}`}
                        >
                          {t('inventory.reorder.convert')}
                        </Button>
                        <Button size="sm" variant="ghost" pending={dismiss.isPending && dismiss.variables === g.id} onClick={() => dismiss.mutate(g.id)} data-testid={`dismiss-${g.product.sku}`}>
                          {t('inventory.reorder.dismiss')}
                        </Button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={suggestions.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={suggestions.isFetching} />
      </>
    );
  }

  return (
    <Card title={t('inventory.reorder.suggestionsTitle')} description={t('inventory.reorder.suggestionsDescription')} testId="suggestions-section">
      {status === 'open' && suggestions.isSuccess && !canConvert && suggestions.data.items.length > 0 && (
        <p className="alert alert-info" data-testid="convert-unavailable">
          <Icon name="clock" />
          <span>{t('inventory.reorder.convertUnavailable')}</span>
        </p>
      )}
      {converted && (
        <p className="alert alert-success" role="status" data-testid="converted">
          <Icon name="check" />
          <span>
            {t('inventory.reorder.converted', { name: converted.name })}{' '}
            <Link to="/b/$businessId/purchases/orders/$purchaseOrderId" params={{ businessId, purchaseOrderId: converted.orderId }} data-testid="open-draft-order">
              {t('inventory.reorder.openDraft')}
            </Link>
          </span>
        </p>
      )}
      <FormError error={convert.error ?? dismiss.error} />
      <ListToolbar>
        <div className="segmented segmented-scroll" role="group" aria-label={t('inventory.columns.status')}>
          {(['open', 'converted', 'dismissed'] as const).map((s) => (
            <button key={s} type="button" className={`segmented-item${status === s ? ' is-active' : ''}`} aria-pressed={status === s} onClick={() => setStatus(s)} data-testid={`suggestions-${s}`}>
              {t(`inventory.reorder.statuses.${s}`)}
            </button>
          ))}
        </div>
        <LocationSelect businessId={businessId} value={locationId} onChange={setLocationId} allLabel={t('inventory.locations.all')} label={t('inventory.fields.location')} testId="suggestions-location" />
      </ListToolbar>
      {body}
      {converting && (
        <ConvertSuggestionDialog
          businessId={businessId}
          suggestion={converting}
          onClose={() => setConverting(null)}
          onConverted={(orderId) => {
            setConverted({ name: converting.product.name, orderId });
            setConverting(null);
          }}
        />
      )}
    </Card>
  );
}

function RulesCard({ businessId, canWrite }: { businessId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const qty = useQuantityFormat();
  const [search, setSearch] = useState('');
  const [locationId, setLocationId] = useState('');
  const [state, setState] = useState<RuleFilters['state']>('all');
  const [editing, setEditing] = useState<ReorderRule | 'new' | null>(null);
  const [removing, setRemoving] = useState<ReorderRule | null>(null);
  const q = useDebouncedValue(search);
  const filters: RuleFilters = { q, locationId, state };
  const pages = useCursorPages(JSON.stringify(filters));
  const rules = useReorderRules(businessId, filters, pages.cursor);
  const remove = useDeleteReorderRule(businessId);
  const filtered = q.trim() !== '' || locationId !== '' || state !== 'all';

  let body;
  if (rules.isPending) body = <TableSkeleton columns={6} />;
  else if (rules.isError) body = <ErrorState error={rules.error} onRetry={() => void rules.refetch()} retrying={rules.isFetching} />;
  else if (rules.data.items.length === 0) {
    body = (
      <EmptyState
        icon="inventory"
        title={filtered ? t('inventory.reorder.noRulesMatch') : t('inventory.reorder.noRulesTitle')}
        testId="rules-empty"
        action={!filtered && canWrite && <Button onClick={() => setEditing('new')}>{t('inventory.reorder.newRule')}</Button>}
      >
        {filtered ? t('inventory.stock.noMatchBody') : t('inventory.reorder.noRulesBody')}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <div className={`table-wrap${rules.isPlaceholderData ? ' is-stale' : ''}`}>
          <table className="table" data-testid="rules-table">
            <thead>
              <tr>
                <th scope="col">{t('inventory.columns.product')}</th>
                <th scope="col" className="align-end">{t('inventory.columns.available')}</th>
                <th scope="col" className="align-end">{t('inventory.reorder.point')}</th>
                <th scope="col" className="align-end">{t('inventory.reorder.quantity')}</th>
                <th scope="col">{t('inventory.reorder.supplier')}</th>
                <th scope="col">{t('inventory.columns.status')}</th>
                {canWrite && (
                  <th scope="col" className="align-end">
                    <span className="sr-only">{t('inventory.locations.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rules.data.items.map((r) => (
                <tr key={r.id} data-testid={`rule-${r.product.sku}`}>
                  <td>
                    <ProductCell businessId={businessId} product={r.product} locationId={r.location.id} detail={r.location.name} />
                  </td>
                  <td data-label={t('inventory.columns.available')} className="align-end num">
                    <span>
                      {qty(r.available)} <span className="muted small">{r.product.unit}</span>
                    </span>
                  </td>
                  <td data-label={t('inventory.reorder.point')} className="align-end num">
                    {qty(r.reorderPoint)}
                  </td>
                  <td data-label={t('inventory.reorder.quantity')} className="align-end num">
                    {qty(r.reorderQuantity)}
                  </td>
                  <td data-label={t('inventory.reorder.supplier')}>{r.preferredSupplier?.name ?? <span className="muted">—</span>}</td>
                  <td data-label={t('inventory.columns.status')}>
                    {r.low ? <span className="badge badge-low">{t('inventory.reorder.low')}</span> : <span className="badge">{t('inventory.reorder.ok')}</span>}
                  </td>
                  {canWrite && (
                    <td className="align-end">
                      <div className="row-actions">
                        <Button size="sm" variant="ghost" onClick={() => setEditing(r)} data-testid={`edit-rule-${r.product.sku}`}>
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          className="text-danger"
                          onClick={() => {
                            remove.reset();
                            setRemoving(r);
                          }}
                        >
                          {t('common.delete')}
                        </Button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CursorPager pageIndex={pages.pageIndex} nextCursor={rules.data.nextCursor} onNext={pages.next} onPrevious={pages.previous} busy={rules.isFetching} />
      </>
    );
  }

  return (
    <Card
      title={t('inventory.reorder.rulesTitle')}
      description={t('inventory.reorder.rulesDescription')}
      testId="rules-section"
      actions={
        canWrite && (
          <Button size="sm" onClick={() => setEditing('new')} data-testid="new-rule">
            <Icon name="plus" size={16} />
            <span>{t('inventory.reorder.newRule')}</span>
          </Button>
        )
      }
    >
      <ListToolbar>
        <input
          className="input input-sm toolbar-search"
          type="search"
          placeholder={t('inventory.stock.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="rules-search"
        />
        <LocationSelect businessId={businessId} value={locationId} onChange={setLocationId} allLabel={t('inventory.locations.all')} label={t('inventory.fields.location')} testId="rules-location" />
        <select className="input select input-sm" aria-label={t('inventory.columns.status')} value={state} onChange={(e) => setState(e.target.value as RuleFilters['state'])} data-testid="rules-state">
          <option value="all">{t('inventory.reorder.allRules')}</option>
          <option value="low">{t('inventory.reorder.lowOnly')}</option>
        </select>
      </ListToolbar>
      {body}
      {editing && <ReorderRuleDialog key={editing === 'new' ? 'new' : editing.id} businessId={businessId} rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={removing !== null}
        title={t('inventory.reorder.deleteTitle', { name: removing?.product.name ?? '' })}
        confirmLabel={t('common.delete')}
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
      >
        {t('inventory.reorder.deleteBody')}
      </ConfirmDialog>
    </Card>
  );
}
