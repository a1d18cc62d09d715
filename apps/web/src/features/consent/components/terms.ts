/** How far back an owner can let a recipient see, in months (the API allows 1 to 60). */
export const LOOKBACK_CHOICES = [3, 6, 12, 24, 36] as const;
export const DEFAULT_LOOKBACK = 12;

/** How long sharing lasts: 90 days unless the owner chooses, and never more than a year from today. */
export const DEFAULT_DAYS = 90;
export const MAX_DAYS = 365;
export const DURATION_CHOICES = [30, 90, 180, 365] as const;
