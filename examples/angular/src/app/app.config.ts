import { provideZoneChangeDetection, type ApplicationConfig } from '@angular/core';
import type { PollingOptions } from 'planviewer-rx';
import { defaultPollingPolicy } from 'planviewer-rx/polling';
import { providePlanviewer } from './planviewer';

/**
 * Against the simulator running N times faster than real time (`?simulatorSpeed=N`, as the browser test
 * does), poll N times sooner too; against the real API leave the defaults alone.
 */
const pollingFor = (speed: number): PollingOptions => {
  if (!Number.isFinite(speed) || speed <= 1) return {};
  const p = defaultPollingPolicy;
  const scale = (ms: number): number => Math.max(1, Math.round(ms / speed));
  return {
    initialDelayMs: scale(p.initialDelayMs),
    minDelayMs: scale(p.minDelayMs),
    maxDelayMs: scale(p.maxDelayMs),
    precisionMs: scale(p.precisionMs),
    coalesceWindowMs: scale(p.coalesceWindowMs),
    expectedStepMs: scale(p.expectedStepMs),
  };
};

const speed = Number(new URLSearchParams(globalThis.location.search).get('simulatorSpeed') ?? '1');

export const appConfig: ApplicationConfig = {
  providers: [
    provideZoneChangeDetection({ eventCoalescing: true }),
    // No credentials in the browser: '/planviewer' is this app's own server, where planviewer-rx/proxy
    // adds them (server.mjs here; proxy.conf.mjs for `ng serve`).
    providePlanviewer({ baseUrl: '/planviewer', polling: pollingFor(speed) }),
  ],
};
