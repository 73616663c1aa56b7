/**
 * Resolves the name a client called (an endpoint or a traffic route) to the endpoint that serves
 * this request.
 */
import type { CompiledEndpoint, CompiledRoute, GatewayPlan } from '../config/compile';
import { GatewayError } from '../errors';

/** Weighted pick: `random` in [0, 1). Destinations at 0% were left out at compile time. */
export function pickDestination(route: CompiledRoute, random: number): CompiledEndpoint {
  const hit = route.destinations.find((destination) => random < destination.upTo);
  return (hit ?? route.destinations[route.destinations.length - 1]).endpoint;
}

export function resolveEndpoint(plan: GatewayPlan, name: string, random: () => number = Math.random): CompiledEndpoint {
  const endpoint = plan.endpoints.get(name);
  if (endpoint) return endpoint;
  const route = plan.routes.get(name);
  if (route) return pickDestination(route, random());
  throw GatewayError.notFound(
    `The endpoint '${name}' is not present or active on the server. Please verify the endpoint name.`,
    'name',
  );
}

/** The endpoint type a name serves (a route serves its task type). */
export function endpointTypeOf(plan: GatewayPlan, name: string): CompiledEndpoint['endpointType'] | undefined {
  return plan.endpoints.get(name)?.endpointType ?? plan.routes.get(name)?.taskType;
}
