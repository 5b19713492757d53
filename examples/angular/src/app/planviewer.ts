/**
 * The client as an Angular dependency: an InjectionToken and a provider function (OrdersService injects it).
 * Small enough to copy into your app (see docs/browser-and-angular.md for why planviewer-rx does not ship it).
 */
import { InjectionToken, type Provider } from '@angular/core';
import { createPlanviewer, type Planviewer, type PlanviewerOptions } from 'planviewer-rx';

/** The app's one client: one shared, batched status poller for every job the app follows. */
export const PLANVIEWER = new InjectionToken<Planviewer>('planviewer-rx client');

/**
 * Provides the client. In a browser give no credentials: `baseUrl` is your own backend, where
 * `planviewer-rx/proxy` adds them.
 */
export const providePlanviewer = (options: PlanviewerOptions): Provider => ({
  provide: PLANVIEWER,
  useFactory: () => createPlanviewer(options),
});
