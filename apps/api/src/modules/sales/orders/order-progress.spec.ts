import { lineProgress, orderStates, progressFlags, type LineQuantities } from './order-progress';

const U = 10_000n; // one unit in ten-thousandths
const line = (p: Partial<LineQuantities>): LineQuantities => ({ quantity: 5n * U, stocked: true, reserved: 0n, shipped: 0n, invoiced: 0n, ...p });

describe('order progress', () => {
  it.each([
    // ordered 5: reserved 3, shipped 0 → 2 back-ordered, 5 to ship, nothing to invoice yet
    [line({ reserved: 3n * U }), { backOrdered: 2n * U, toShip: 5n * U, toInvoice: 0n }],
    // shipped 2 (taken from the reservation), 1 still held: 2 back-ordered, 3 to ship, 2 to invoice
    [line({ reserved: 1n * U, shipped: 2n * U }), { backOrdered: 2n * U, toShip: 3n * U, toInvoice: 2n * U }],
    // shipped 2, invoiced 2: nothing to invoice until more ships
    [line({ reserved: 3n * U, shipped: 2n * U, invoiced: 2n * U }), { backOrdered: 0n, toShip: 3n * U, toInvoice: 0n }],
    // a service: never back-ordered or shipped, invoiceable as ordered, 2.5 already invoiced
    [line({ stocked: false, invoiced: 25_000n }), { backOrdered: 0n, toShip: 0n, toInvoice: 25_000n }],
  ])('per line %#', (l, expected) => {
    expect(lineProgress(l, 'confirmed')).toEqual(expected);
  });

  it('reads nothing as outstanding on drafts and cancelled orders', () => {
    for (const status of ['draft', 'cancelled'] as const) {
      expect(lineProgress(line({ stocked: false }), status)).toEqual({ backOrdered: 0n, toShip: 0n, toInvoice: 0n });
    }
  });

  it('derives the order states from its lines', () => {
    const partly = [line({ reserved: 3n * U, shipped: 2n * U, invoiced: 2n * U }), line({ stocked: false, invoiced: 5n * U })];
    expect(orderStates(progressFlags(partly), 'confirmed')).toEqual({
      fulfilment: 'partially_shipped',
      invoicing: 'partially_invoiced',
      backOrdered: false,
      completed: false,
    });
    const done = [line({ shipped: 5n * U, invoiced: 5n * U }), line({ stocked: false, invoiced: 5n * U })];
    expect(orderStates(progressFlags(done), 'confirmed')).toEqual({ fulfilment: 'shipped', invoicing: 'invoiced', backOrdered: false, completed: true });
    const servicesOnly = [line({ stocked: false })];
    expect(orderStates(progressFlags(servicesOnly), 'confirmed')).toMatchObject({ fulfilment: 'nothing_to_ship', completed: false });
    // A draft is never back-ordered or completed, whatever its lines hold.
    expect(orderStates(progressFlags([line({})]), 'draft')).toMatchObject({ backOrdered: false, completed: false });
  });
});
