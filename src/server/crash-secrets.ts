/**
 * A crash (an error nothing caught, such as one a plugin throws from a timer) is logged with its
 * message and stack, which say whatever its code put there: a plugin's or a vendor SDK's error may
 * quote the endpoint's key. Its log line is redacted of the credentials of the config the process
 * serves, as a failed request's are of its endpoint's.
 */
import type { GatewayPlan } from '../config/compile';
import { errorWithoutSecrets } from '../redaction';

let servedPlan: () => GatewayPlan | null = () => null;

/** Tells the crash log which config the process serves: a single process's or a worker's state, the primary's latest. */
export function noteServedPlan(plan: () => GatewayPlan): void {
  servedPlan = plan;
}

/** Every endpoint's credentials, its config's and those it sent, longest first (as `redacted` takes them). */
function credentialsOfPlan(plan: GatewayPlan): string[] {
  const values = [...plan.endpoints.values()].flatMap((endpoint) => [...endpoint.secrets, ...(endpoint.target.sentCredentials?.() ?? [])]);
  return [...new Set(values)].sort((a, b) => b.length - a.length);
}

/** `error` as the crash's log line may show it (errorWithoutSecrets): without the served config's credentials. */
export function crashWithoutSecrets(error: unknown): unknown {
  const plan = servedPlan();
  return errorWithoutSecrets(error, plan === null ? [] : credentialsOfPlan(plan));
}
