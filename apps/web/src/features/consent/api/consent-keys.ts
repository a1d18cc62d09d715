/** Every consent query starts with the business id, so one invalidation refreshes grants, recipients and the log. */
export const consentQueryKey = (businessId: string) => [businessId, 'consent'] as const;
