/**
 * src/cli/heap.mjs, which `npm run build` loads into `next build`: in Next's main process V8 then
 * collects garbage before the heap grows far past what is live; in its page workers it changes
 * nothing. A process that keeps 200,000 objects live and churns through short-lived ones that
 * outlive two minor collections peaks at about 450 MB of heap without it and 180 MB with it here.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CHURN = `
const live = Array.from({ length: 200000 }, (_, i) => ({ i, s: 'x'.repeat(100) + i }));
const ring = new Array(100000);
let peak = 0;
for (let i = 0; i < 1000000; i++) {
  ring[i % ring.length] = { i, s: 'y'.repeat(200) + i, a: [i, i + 1, i + 2] };
  if (i % 1000 === 0) peak = Math.max(peak, process.memoryUsage().heapTotal);
}
console.log(Math.round(peak / 1048576), live.length);
`;

/** The largest heap (MB) the churn reached, with Node's options `options`, in a process that is a Next worker or not. */
function peakHeap(options: string[], worker: boolean): number {
  const env = { ...process.env };
  if (worker)
    env.IS_NEXT_WORKER = 'true'; // as Next sets it in its workers
  else delete env.IS_NEXT_WORKER;
  const [peak, live] = execFileSync(process.execPath, [...options, '-e', CHURN], { encoding: 'utf8', env })
    .trim()
    .split(' ');
  expect(live).toBe('200000');
  return Number(peak);
}

describe('heap growth in the page step', () => {
  const hook = ['--import', path.resolve('src/cli/heap.mjs')];

  it("keeps Next's main process near what is live: under 60% of the peak V8 reaches by default, and leaves Next's workers alone", () => {
    const unbounded = peakHeap([], false);
    const bounded = peakHeap(hook, false);
    const worker = peakHeap(hook, true);
    expect(bounded).toBeLessThan(unbounded * 0.6);
    expect(bounded).toBeGreaterThan(60); // the live set itself, so the churn ran
    expect(worker).toBeGreaterThan(unbounded * 0.8);
  }, 60_000);
});
