import { describe, expect, it } from 'vitest';
import { aliasFrameReporter, lighthouseConfig, QUIET_WINDOWS } from '../../worker/lighthouse/config.ts';

describe('Lighthouse config', () => {
  it('aliases the renamed PipelineReporter argument for Lighthouse 12 and leaves other events alone', () => {
    const trace = {
      traceEvents: [
        { name: 'PipelineReporter', args: { frame_reporter: { frame_sequence: 154 } } },
        { name: 'PipelineReporter', args: {} },
        { name: 'PipelineReporter', args: { chrome_frame_reporter: { frame_sequence: 7 } } },
        { name: 'Screenshot', args: { frame_reporter: { frame_sequence: 1 } } },
      ],
    };
    expect(aliasFrameReporter(trace)).toBe(1);
    expect(trace.traceEvents[0].args).toMatchObject({ chrome_frame_reporter: { frame_sequence: 154 } });
    expect(trace.traceEvents[2].args).toEqual({ chrome_frame_reporter: { frame_sequence: 7 } });
    expect(trace.traceEvents[3].args).not.toHaveProperty('chrome_frame_reporter');
  });

  it('uses the bundled desktop settings for desktop and the mobile defaults otherwise', () => {
    expect(lighthouseConfig('desktop').settings).toMatchObject({ formFactor: 'desktop', screenEmulation: { mobile: false } });
    expect(lighthouseConfig('mobile').settings).toMatchObject({ formFactor: 'mobile', screenEmulation: { mobile: true } });
    const trace = lighthouseConfig('mobile').artifacts?.find((a) => a.id === 'Trace');
    expect(typeof trace?.gatherer).toBe('object');
  });

  it("waits 500 ms of quiet (not Lighthouse's 1 s) on both form factors, with simulated throttling", () => {
    expect(QUIET_WINDOWS).toEqual({ pauseAfterFcpMs: 500, pauseAfterLoadMs: 500, networkQuietThresholdMs: 500, cpuQuietThresholdMs: 500 });
    expect(lighthouseConfig('mobile').settings).toMatchObject(QUIET_WINDOWS);
    expect(lighthouseConfig('desktop').settings).toMatchObject({ ...QUIET_WINDOWS, formFactor: 'desktop' });
    // Lighthouse raises short windows to 5 s for observed throttling; ours must stay simulated.
    expect(lighthouseConfig('mobile').settings?.throttlingMethod ?? 'simulate').toBe('simulate');
  });
});
