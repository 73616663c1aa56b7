/**
 * Resolves the name a client called (an endpoint or a route) to the endpoints that may serve this
 * request, in the order to try them. Pure: randomness is injected.
 */
import type { CompiledEndpoint, GatewayPlan, RouteTarget, TrafficSplitRoute } from '../config/compile';
import { GatewayError } from '../errors';
import { quoted } from '../config/quoted';

/** Weighted pick: `random` in [0, 1). Destinations at 0% were left out at compile time. */
export function pickDestination(route: TrafficSplitRoute, random: number): RouteTarget {
  const hit = route.destinations.find((destination) => random < destination.upTo);
  return (hit ?? route.destinations[route.destinations.length - 1]).target;
}

/** The endpoint or route called `name`; a 404 naming it otherwise. */
export function resolveTarget(plan: GatewayPlan, name: string): RouteTarget {
  const target = plan.endpoints.get(name) ?? plan.routes.get(name);
  if (target) return target;
  throw GatewayError.notFound(
    `The endpoint ${quoted(name)} is not present or active on the server. Please verify the endpoint name.`,
    'name',
  );
}

function collectAttempts(target: RouteTarget, random: () => number, into: CompiledEndpoint[]): void {
  if (target.kind === 'endpoint') {
    if (!into.includes(target)) into.push(target);
  } else if (target.strategy === 'TRAFFIC_SPLIT') {
    collectAttempts(pickDestination(target, random()), random, into);
  } else {
    for (const destination of target.destinations) collectAttempts(destination, random, into);
  }
}

/**
 * The endpoints to try for one request, in order: an endpoint is itself; a TRAFFIC_SPLIT route
 * draws one destination; a FALLBACK route lists its destinations in order. Each endpoint appears
 * once (a later repeat adds nothing a retryable failure has not just ruled out).
 */
export function attemptOrder(target: RouteTarget, random: () => number = Math.random): CompiledEndpoint[] {
  const attempts: CompiledEndpoint[] = [];
  collectAttempts(target, random, attempts);
  return attempts;
}

/** The endpoint type a name serves (a route serves its task type). */
export function endpointTypeOf(plan: GatewayPlan, name: string): CompiledEndpoint['endpointType'] | undefined {
  return plan.endpoints.get(name)?.endpointType ?? plan.routes.get(name)?.taskType;
}
