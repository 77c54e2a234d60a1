import { describe, expect, it } from 'vitest';
import { Slots } from '../../core/concurrency.ts';

describe('Slots (page-loop slots of the site checker)', () => {
  it('lets at most `size` holders in and serves waiters in arrival order', async () => {
    const slots = new Slots(2);
    const order: string[] = [];
    const a = await slots.acquire();
    const b = await slots.acquire();
    const c = slots.acquire().then((release) => (order.push('c'), release));
    const d = slots.acquire().then((release) => (order.push('d'), release));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    expect(slots.inUse).toBe(2);
    a();
    const releaseC = await c;
    expect(order).toEqual(['c']);
    b();
    const releaseD = await d;
    expect(order).toEqual(['c', 'd']);
    releaseC();
    releaseD();
    expect(slots.inUse).toBe(0);
  });

  it('releases once however often the release function is called', async () => {
    const slots = new Slots(1);
    const release = await slots.acquire();
    release();
    release();
    const again = await slots.acquire();
    expect(slots.inUse).toBe(1);
    const waiter = slots.acquire();
    let got = false;
    void waiter.then(() => (got = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(got).toBe(false);
    again();
    await waiter;
    expect(got).toBe(true);
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => new Slots(0)).toThrow(/positive integer/);
  });
});
