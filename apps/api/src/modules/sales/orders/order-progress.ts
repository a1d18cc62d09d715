/**
 * How far an order has come, from its lines' quantities (bigint ten-thousandths). The same rules
 * run in SQL for the list filters (see SalesOrdersRepository.PROGRESS); the spec pins both.
 */

export interface LineQuantities {
  quantity: bigint;
  stocked: boolean;
  reserved: bigint;
  shipped: bigint;
  invoiced: bigint;
}

export type OrderStatus = 'draft' | 'confirmed' | 'cancelled';

/** Per line: what waits for stock, what is left to ship, and what can be invoiced now. */
export function lineProgress(l: LineQuantities, status: OrderStatus) {
  const open = status === 'confirmed';
  const positive = (q: bigint) => (q > 0n ? q : 0n);
  return {
    backOrdered: open && l.stocked ? positive(l.quantity - l.shipped - l.reserved) : 0n,
    toShip: open && l.stocked ? positive(l.quantity - l.shipped) : 0n,
    // Goods are billed as they ship; services and free-text lines as soon as the order is confirmed.
    toInvoice: open ? positive((l.stocked ? l.shipped : l.quantity) - l.invoiced) : 0n,
  };
}

/** The facts about an order's lines that its states are read from (also computed in SQL). */
export interface ProgressFlags {
  hasStocked: boolean;
  anyShipped: boolean;
  allShipped: boolean;
  anyInvoiced: boolean;
  allInvoiced: boolean;
  backOrdered: boolean;
}

export function progressFlags(lines: readonly LineQuantities[]): ProgressFlags {
  const stocked = lines.filter((l) => l.stocked);
  return {
    hasStocked: stocked.length > 0,
    anyShipped: stocked.some((l) => l.shipped > 0n),
    allShipped: stocked.every((l) => l.shipped >= l.quantity),
    anyInvoiced: lines.some((l) => l.invoiced > 0n),
    allInvoiced: lines.every((l) => l.invoiced >= l.quantity),
    backOrdered: stocked.some((l) => l.quantity > l.shipped + l.reserved),
  };
}

export function orderStates(f: ProgressFlags, status: OrderStatus) {
  const confirmed = status === 'confirmed';
  return {
    fulfilment: !f.hasStocked
      ? ('nothing_to_ship' as const)
      : f.allShipped
        ? ('shipped' as const)
        : f.anyShipped
          ? ('partially_shipped' as const)
          : ('unshipped' as const),
    invoicing: f.allInvoiced ? ('invoiced' as const) : f.anyInvoiced ? ('partially_invoiced' as const) : ('not_invoiced' as const),
    backOrdered: confirmed && f.backOrdered,
    completed: confirmed && f.allShipped && f.allInvoiced,
  };
}
