/** Every credit query starts with the business id, so one invalidation refreshes the profile, its history and snapshots. */
export const creditQueryKey = (businessId: string) => [businessId, 'credit'] as const;
