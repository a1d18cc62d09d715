/** Plain links to the CSV exports: the browser downloads them with the session cookie. */

const query = (params: Record<string, string>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '')).toString();

export function valuationCsvUrl(businessId: string, asOf: string, locationId: string): string {
  return `/api/businesses/${encodeURIComponent(businessId)}/stock/valuation.csv?${query({ asOf, locationId })}`;
}

export function movementsCsvUrl(businessId: string, f: { from: string; to: string; locationId: string; productId?: string }): string {
  return `/api/businesses/${encodeURIComponent(businessId)}/stock/movements.csv?${query({ from: f.from, to: f.to, locationId: f.locationId, productId: f.productId ?? '' })}`;
}
