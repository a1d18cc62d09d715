import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';

/** A product in a stock table: its name linking to its stock card (at a location, when given), its SKU below. */
export function ProductCell({
  businessId,
  product,
  locationId,
  detail,
}: {
  businessId: string;
  product: { id: string; sku: string; name: string };
  locationId?: string;
  /** Shown after the SKU, e.g. the location and date. */
  detail?: ReactNode;
}) {
  return (
    <div className="person">
      <Link
        className="person-name"
        to="/b/$businessId/inventory/products/$productId/stock"
        params={{ businessId, productId: product.id }}
        search={locationId ? { locationId } : {}}
      >
        {product.name}
      </Link>
      <span className="person-email">
        <span className="mono">{product.sku}</span>
        {detail && <> · {detail}</>}
      </span>
    </div>
  );
}
