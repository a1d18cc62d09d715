import type { TenantTx } from '../db/db';

/**
 * The lowest a running amount gets on any day from `from` on, where the amount on a day counts
 * every event dated on or before it. Documents are dated by the user, so an event can be entered
 * after later-dated ones (a back-dated credit note, a refund dated before the credit it takes back
 * was applied). Checking a change only against today's amount would let the amount go below zero
 * on some earlier day, and every "as of that day" figure (aging, customer credit) would show it.
 *
 * `events` is SQL selecting `d date` and `delta bigint` (the signed change of the amount). The
 * amount can only change on event days, so it is enough to look at `from` and each later event day.
 * Returns the lowest cumulative change (add the amount before any event) and the first day it
 * is reached.
 */
export async function lowestOnOrAfter(
  t: TenantTx,
  events: string,
  params: unknown[],
  from: string,
): Promise<{ change: bigint; on: string }> {
  const p = `$${params.length + 1}::date`;
  const [row] = await t.query<{ change: string; on: string }>(
    `WITH events AS (${events}),
          days AS (SELECT ${p} AS d UNION SELECT d FROM events WHERE d > ${p}),
          running AS (SELECT days.d, (SELECT coalesce(sum(e.delta), 0) FROM events e WHERE e.d <= days.d) AS change FROM days)
     SELECT r.change::text AS change, r.d::text AS "on" FROM running r ORDER BY r.change, r.d LIMIT 1`,
    [...params, from],
  );
  return { change: BigInt(row.change), on: row.on };
}
