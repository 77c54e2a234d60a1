// The Lighthouse config govcheck runs: the default (mobile) or the bundled desktop config, plus a
// trace gatherer that keeps Lighthouse 12.2.3 working with current Chromium.
//
// Why the shim: Chromium 15x renamed the PipelineReporter trace argument `chrome_frame_reporter`
// to `frame_reporter`. Lighthouse 12.2.3's trace engine reads the old name and throws ("Cannot
// read properties of undefined (reading 'frame_sequence')"), which turns render-blocking-resources,
// layout-shifts, largest-contentful-paint-element, lcp-lazy-loaded, prioritize-lcp-image and
// non-composited-animations into errors. Lighthouse 13 knows the new name but needs Node 22, so
// we alias the argument on the collected trace before any audit reads it.
import TraceGatherer from 'lighthouse/core/gather/gatherers/trace.js';
import defaultConfig from 'lighthouse/core/config/default-config.js';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import type { Config } from 'lighthouse';

interface TraceEvent {
  name: string;
  args?: Record<string, unknown>;
}

/** Adds the old argument name next to the new one; a no-op on traces that already have it. */
export function aliasFrameReporter(trace: { traceEvents: TraceEvent[] }): number {
  let patched = 0;
  for (const e of trace.traceEvents) {
    if (e.name !== 'PipelineReporter' || !e.args) continue;
    if (e.args.frame_reporter && !e.args.chrome_frame_reporter) {
      e.args.chrome_frame_reporter = e.args.frame_reporter;
      patched++;
    }
  }
  return patched;
}

class CompatTrace extends TraceGatherer {
  override async stopSensitiveInstrumentation(context: Parameters<TraceGatherer['stopSensitiveInstrumentation']>[0]): Promise<void> {
    await super.stopSensitiveInstrumentation(context);
    aliasFrameReporter(this._trace as unknown as { traceEvents: TraceEvent[] });
  }
}

// Lighthouse cannot merge a gatherer class over the default's 'trace' path through `extends`, so we
// hand it the default config itself with the Trace artifact swapped.
const compatArtifacts = (defaultConfig.artifacts ?? []).map((a) => (a.id === 'Trace' ? { ...a, gatherer: { implementation: CompatTrace } } : a)) as Config['artifacts'];

// Screenshots are never stored (slim records), so do not spend CPU producing them. bf-cache
// needs an extra navigation and always fails here: Playwright's launch disables the
// back/forward cache by flag, so its finding would be about our browser, not the site.
const SKIPPED_AUDITS = ['screenshot-thumbnails', 'final-screenshot', 'bf-cache'];

/** Run flags every govcheck Lighthouse run uses (the child and the benchmarks). */
export const LIGHTHOUSE_FLAGS = {
  disableFullPageScreenshot: true,
  skipAudits: SKIPPED_AUDITS,
};

/**
 * How long a page must be quiet before Lighthouse ends its trace: 500 ms of each instead of
 * Lighthouse's 1 s. Under simulated throttling (our only method) the metrics are computed from the
 * trace, not from how long we waited, so the windows only decide how late an action can start and
 * still be seen. Lighthouse's own waits run one after another (load and network quiet, then CPU
 * quiet, which always counts from the moment it starts), so they cost ≥ 2.15 s per run on a page that
 * is already idle; halved, a run is ~1 s shorter, which is what lets one Lighthouse process keep a
 * 400-site sweep within the hour (README, "National scale"). Lighthouse itself only forbids short
 * windows for observed throttling (`nonSimulatedSettingsOverrides`, 5 s).
 */
export const QUIET_WINDOWS = { pauseAfterFcpMs: 500, pauseAfterLoadMs: 500, networkQuietThresholdMs: 500, cpuQuietThresholdMs: 500 } as const;

export function lighthouseConfig(formFactor: 'mobile' | 'desktop'): Config {
  const settings = { ...defaultConfig.settings, ...(formFactor === 'desktop' ? desktopConfig.settings : {}), ...QUIET_WINDOWS };
  return { ...defaultConfig, settings, artifacts: compatArtifacts };
}
