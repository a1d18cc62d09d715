import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/**
 * Links a movement to the document it came from. Counts have their own page; everything else
 * opens the stock operation, which names its source (sales shipments and purchase receipts get
 * their own links when those documents have pages).
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
  if (sourceType === 'stock_count' && sourceId) {
    return (
      <Link to="/b/$businessId/inventory/counts/$countId" params={{ businessId, countId: sourceId }}>
        {children}
      </Link>
    );
  }
  return (
    <Link to="/b/$businessId/inventory/operations/$operationId" params={{ businessId, operationId }}>
      {children}
    </Link>
  );
}

/** The source type in people's words ("Stock count"), or as stored when this app has no name for it. */
export function useSourceLabel() {
  const { t, i18n } = useTranslation();
  return (sourceType: string) => (i18n.exists(`inventory.sources.${sourceType}`) ? t(`inventory.sources.${sourceType}` as never) : sourceType);
}
