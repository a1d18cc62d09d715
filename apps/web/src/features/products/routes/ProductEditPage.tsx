import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorState } from '../../../components/ErrorState';
import { PageSpinner } from '../../../components/Spinner';
import { isApiError } from '../../../lib/api';
import { allows, type Permissions } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useActivateProduct } from '../api/activate-product';
import { useCreateProduct } from '../api/create-product';
import { useDeactivateProduct } from '../api/deactivate-product';
import { useDeleteProduct } from '../api/delete-product';
import { useProduct } from '../api/get-product';
import { useUpdateProduct } from '../api/update-product';
import { ProductForm } from '../components/ProductForm';
import { ProductStockPanel } from '../../inventory/components/ProductStockPanel';

function BackLink({ businessId }: { businessId: string }) {
  const { t } = useTranslation();
  return (
    <Link className="back-link" to="/b/$businessId/inventory" params={{ businessId }}>
      ← {t('products.back')}
    </Link>
  );
}

export function NewProductPage({ businessId, baseCurrency }: { businessId: string; baseCurrency: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('products.new'));
  const navigate = useNavigate();
  const create = useCreateProduct(businessId);
  const toList = () => void navigate({ to: '/b/$businessId/inventory', params: { businessId } });
  return (
    <div className="subpage" data-testid="page-new-product">
      <BackLink businessId={businessId} />
      <h2 className="subpage-title">{t('products.new')}</h2>
      <ProductForm
        businessId={businessId}
        baseCurrency={baseCurrency}
        pending={create.isPending}
        error={create.error}
        onCancel={toList}
        onSubmit={(body) => create.mutate(body, { onSuccess: toList })}
      />
    </div>
  );
}

export function EditProductPage({
  businessId,
  productId,
  baseCurrency,
  permissions,
}: {
  businessId: string;
  productId: string;
  baseCurrency: string;
  permissions: Permissions;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const product = useProduct(businessId, productId);
  const update = useUpdateProduct(businessId);
  const activate = useActivateProduct(businessId);
  const deactivate = useDeactivateProduct(businessId);
  const remove = useDeleteProduct(businessId);
  const [confirmDelete, setConfirmDelete] = useState(false);
  useDocumentTitle(product.data?.name);
  const toList = () => void navigate({ to: '/b/$businessId/inventory', params: { businessId } });

  if (product.isPending) return <PageSpinner />;
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} retrying={product.isFetching} />;
  const p = product.data;
  const canWrite = allows(permissions, 'products.write');
  const inUse = isApiError(remove.error, 'PRODUCT_IN_USE');

  return (
    <div className="subpage" data-testid="page-edit-product">
      <BackLink businessId={businessId} />
      <div className="subpage-head">
        <h2 className="subpage-title">{t('products.editTitle', { name: p.name })}</h2>
      </div>
      <ProductForm
        businessId={businessId}
        baseCurrency={baseCurrency}
        product={p}
        pending={update.isPending || activate.isPending || deactivate.isPending}
        error={update.error ?? activate.error ?? deactivate.error}
        onCancel={toList}
        onSubmit={({ active, ...body }) =>
          update.mutate(
            { productId, body },
            {
              onSuccess: () => {
                // Active is switched through its own endpoints, not PATCH.
                if (active === p.active) return toList();
                (active ? activate : deactivate).mutate(productId, { onSuccess: toList });
              },
            },
          )
        }
      />
      <ProductStockPanel businessId={businessId} productId={productId} canWrite={allows(permissions, 'inventory.write')} />
      {canWrite && (
        <Card title={t('products.deleteSection')} description={t('products.deleteHint')}>
          <div className="form-actions form-actions-start">
            <Button
              variant="ghost"
              className="text-danger"
              onClick={() => {
                remove.reset();
                setConfirmDelete(true);
              }}
              data-testid="delete-product"
            >
              {t('common.delete')}
            </Button>
          </div>
        </Card>
      )}
      <ConfirmDialog
        open={confirmDelete}
        title={t('products.deleteTitle', { name: p.name })}
        confirmLabel={t('products.deleteConfirm')}
        confirmDisabled={inUse}
        pending={remove.isPending}
        error={inUse ? null : remove.error}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() => remove.mutate(productId, { onSuccess: toList })}
      >
        {inUse ? (
          <div className="alert alert-warning" role="alert">
            <div>
              <p>{t('products.inUse')}</p>
              {p.active && (
                <Button size="sm" variant="secondary" pending={deactivate.isPending} onClick={() => deactivate.mutate(productId, { onSuccess: toList })}>
                  {t('products.deactivateInstead')}
                </Button>
              )}
            </div>
          </div>
        ) : (
          t('products.deleteBody')
        )}
      </ConfirmDialog>
    </div>
  );
}
