export const notificationsKey = (businessId: string) => [businessId, 'notifications'] as const;
