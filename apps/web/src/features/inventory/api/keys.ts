/** Every inventory query starts with this key; a stock change invalidates all of them at once. */
export const inventoryKey = (businessId: string) => [businessId, 'inventory'] as const;
