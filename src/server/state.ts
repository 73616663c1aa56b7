/** What the server reads per request. `plan` is swapped whole on reload; a request reads it once. */
import type { GatewayPlan } from '../config/compile';

export interface GatewayState {
  plan: GatewayPlan;
}
