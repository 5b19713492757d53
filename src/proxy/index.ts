/**
 * `planviewer-rx/proxy`: keeps the API secret on your server. A browser client without credentials talks
 * to this handler, which adds them and forwards only the Product API calls planviewer-rx makes.
 * See docs/browser-and-angular.md.
 */
export {
  createPlanviewerProxy,
  type PlanviewerProxy,
  type PlanviewerProxyOptions,
} from './createPlanviewerProxy';
