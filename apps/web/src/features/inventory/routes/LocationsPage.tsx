import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { Icon } from '../../../components/Icon';
import { ListToolbar } from '../../../components/ListToolbar';
import { TableSkeleton } from '../../../components/Skeleton';
import { useMoneyFormat } from '../../../lib/money';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useArchiveLocation } from '../api/archive-location';
import { useLocations, type Location } from '../api/get-locations';
import { useMakeDefaultLocation } from '../api/make-default-location';
import { useRestoreLocation } from '../api/restore-location';
import { LocationDialog } from '../components/LocationDialog';

/** Warehouses and shops: add, edit, archive (when empty) and choose the default. */
export function LocationsPage({ businessId, permissions }: { businessId: string; permissions: Permissions }) {
  const { t } = useTranslation();
  useDocumentTitle(t('inventory.locations.title'));
  const money = useMoneyFormat();
  const canManage = allows(permissions, 'inventory.manage');
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Location | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Location | null>(null);
  const locations = useLocations(businessId, showArchived);
  const archive = useArchiveLocation(businessId);
  const restore = useRestoreLocation(businessId);
  const makeDefault = useMakeDefaultLocation(businessId);

  let body;
  if (locations.isPending) body = <TableSkeleton columns={4} />;
  else if (locations.isError) body = <ErrorState error={locations.error} onRetry={() => void locations.refetch()} retrying={locations.isFetching} />;
  else {
    body = (
      <div className="table-wrap">
        <table className="table" data-testid="locations-table">
          <thead>
            <tr>
              <th scope="col">{t('inventory.locations.name')}</th>
              <th scope="col">{t('inventory.locations.kind')}</th>
              <th scope="col" className="align-end">{t('inventory.locations.products')}</th>
              <th scope="col" className="align-end">{t('inventory.columns.value')}</th>
              {canManage && (
                <th scope="col" className="align-end">
                  <span className="sr-only">{t('inventory.locations.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {locations.data.items.map((l) => (
              <tr key={l.id} data-testid={`location-row-${l.code}`}>
                <td>
                  <div className="person">
                    <span className="person-name">
                      {l.name}{' '}
                      {l.isDefault && <span className="badge badge-owner">{t('inventory.locations.default')}</span>}
                      {l.archivedAt && <span className="badge">{t('inventory.locations.archived')}</span>}
                    </span>
                    <span className="person-email mono">
                      {l.code}
                      {l.address?.city ? ` · ${l.address.city}` : ''}
                    </span>
                  </div>
                </td>
                <td data-label={t('inventory.locations.kind')}>{t(`inventory.locations.kinds.${l.kind}`)}</td>
                <td data-label={t('inventory.locations.products')} className="align-end num">
                  {l.productCount}
                </td>
                <td data-label={t('inventory.columns.value')} className="align-end num">
                  {money.json(l.value)}
                </td>
                {canManage && (
                  <td className="align-end">
                    <div className="row-actions">
                      <Button size="sm" variant="ghost" onClick={() => setEditing(l)} data-testid={`edit-location-${l.code}`}>
                        {t('common.edit')}
                      </Button>
                      {!l.isDefault && !l.archivedAt && (
                        <Button size="sm" variant="ghost" pending={makeDefault.isPending && makeDefault.variables === l.id} onClick={() => makeDefault.mutate(l.id)}>
                          {t('inventory.locations.makeDefault')}
                        </Button>
                      )}
                      {!l.isDefault && !l.archivedAt && (
                        <Button
                          size="sm"
                          variant="ghost"
                          className="text-danger"
                          onClick={() => {
                            archive.reset();
                            setArchiving(l);
                          }}
                          data-testid={`archive-location-${l.code}`}
                        >
                          {t('inventory.locations.archive')}
                        </Button>
                      )}
                      {l.archivedAt && (
                        <Button size="sm" variant="ghost" pending={restore.isPending && restore.variables === l.id} onClick={() => restore.mutate(l.id)}>
                          {t('inventory.locations.restore')}
                        </Button>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <Card
      title={t('inventory.locations.title')}
      description={canManage ? t('inventory.locations.description') : t('inventory.locations.readOnly')}
      testId="locations-section"
      actions={
        canManage && (
          <Button size="sm" onClick={() => setEditing('new')} data-testid="new-location">
            <Icon name="plus" size={16} />
            <span>{t('inventory.locations.new')}</span>
          </Button>
        )
      }
    >
      <ListToolbar>
        <label className="check">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} data-testid="show-archived-locations" />
          <span>{t('inventory.locations.showArchived')}</span>
        </label>
      </ListToolbar>
      {body}
      {editing && (
        <LocationDialog key={editing === 'new' ? 'new' : editing.id} businessId={businessId} location={editing === 'new' ? null : editing} open onClose={() => setEditing(null)} />
      )}
      <ConfirmDialog
        open={archiving !== null}
        title={t('inventory.locations.archiveTitle', { name: archiving?.name ?? '' })}
        confirmLabel={t('inventory.locations.archive')}
        pending={archive.isPending}
        error={archive.error}
        onCancel={() => setArchiving(null)}
        onConfirm={() => archiving && archive.mutate(archiving.id, { onSuccess: () => setArchiving(null) })}
      >
        {t('inventory.locations.archiveBody')}
      </ConfirmDialog>
    </Card>
  );
}
