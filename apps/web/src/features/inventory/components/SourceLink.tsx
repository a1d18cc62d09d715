import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/**
 * Links a movement to the document it came from. Counts have their own page; everything else
 * opens the stock operation, which names its source. Sales shipments open their delivery note.
 */
export function SourceLink({
  businessId,
  sourceType,
  sourceId,
  operationId,
  children,
}: {
  businessId: string;
  sourceType: string;
  sourceId: string | null;
  operationId: string;
  children: ReactNode;
}) {
  if (sourceType === 'sales_shipment' && sourceId) {
    return (
      <Link to="/b/$businessId/sales/shipments/$shipmentId" params={{ businessId, shipmentId: sourceId }} data-testid="stock-card-source">
        {children}
      </Link>
    );
  }
  if (sourceType === 'stock_count' && sourceId) {
    return (
      <Link to="/b/$businessId/inventory/counts/$countId" params={{ businessId, countId: sourceId }} data-testid="stock-card-source">
        {children}
      </Link>
    );
  }
  return (
    <Link to="/b/$businessId/inventory/operations/$operationId" params={{ businessId, operationId }} data-testid="stock-card-source">
      {children}
    </Link>
  );
}

/** The source type in people's words ("Stock count"), or as stored when this app has no name for it. */
export function useSourceLabel() {
  const { t, i18n } = useTranslation();
  return (sourceType: string) => (i18n.exists(`inventory.sources.${sourceType}`) ? t(`inventory.sources.${sourceType}` as never) : sourceType);
}
