// Lighthouse measures the machine before every run (BenchmarkIndex: a JavaScript loop that keeps one
// core busy for a full second). That is a second of wall time and CPU per run, ~13 CPU minutes in a
// national sweep of 800 runs, for a figure that describes the machine, not the page: with simulated
// throttling it changes no metric or score. So the child measures it once per browser and reuses it
// for the runs on that browser (bench/lh-phases.ts shows the phase).
import { ExecutionContext } from 'lighthouse/core/gather/driver/execution-context.js';
import { pageFunctions } from 'lighthouse/core/lib/page-functions.js';

let measured: number | null = null;

/** The next run measures again (a fresh browser, a different load on the machine). */
export function remeasureBenchmarkIndex(): void {
  measured = null;
}

/** Installs the reuse in this process (the Lighthouse child). Idempotent. */
export function reuseBenchmarkIndex(): void {
  const proto = ExecutionContext.prototype as unknown as { evaluate: (fn: unknown, options: unknown) => Promise<unknown>; govcheckReuse?: boolean };
  if (proto.govcheckReuse) return;
  const evaluate = proto.evaluate;
  proto.evaluate = function (this: unknown, fn: unknown, options: unknown) {
    if (fn !== pageFunctions.computeBenchmarkIndex) return evaluate.call(this, fn, options);
    if (measured !== null) return Promise.resolve(measured);
    return evaluate.call(this, fn, options).then((value) => {
      if (typeof value === 'number' && Number.isFinite(value)) measured = value;
      return value;
    });
  };
  proto.govcheckReuse = true;
}
