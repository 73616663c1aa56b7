/**
 * The log of one identity's Entra ID token server outages (entra-token.ts): a warning when one starts,
 * with the library's reason; at most one a minute while requests keep failing, with how many it has
 * failed so far; and a line when it ends, saying how long it lasted and how many requests it failed. The
 * requests it fails write no line of their own (`GatewayError.loggedElsewhere`): a busy gateway would
 * otherwise write one a request. Each request's audit line still shows its failure.
 */
import type { Logger } from '../../server/logging';

/** While an outage lasts, it is logged again at most this often. */
export const OUTAGE_LOGGED_EVERY_MS = 60_000;

export interface EntraOutageLog {
  /** Whether an outage is going on: the token server could not be reached or failed at the last fetch. */
  readonly ongoing: boolean;
  /** A fetch failed with the token server down; `reason` is the library's, without secrets. `keptUntil`: when the token still kept expires. */
  fetchFailed(reason: string, keptUntil: number | null): void;
  /** A fetch got an answer from the token server (a token, or a refusal): an outage going on ends. */
  fetchAnswered(): void;
  /** A request failed for want of a token while the outage goes on. */
  requestFailed(): void;
}

interface Outage {
  since: number;
  reason: string;
  failedRequests: number;
  loggedAt: number;
}

/** The outage log of the identity `clientId` (none: AZURE_CLIENT_ID or the system-assigned one). */
export function createEntraOutageLog(options: { logger: Logger; clientId: string | undefined; now: () => number }): EntraOutageLog {
  const { logger, clientId, now } = options;
  const identity = clientId === undefined ? 'the default identity' : `identity '${clientId}'`;
  const fields = { azure_client_id: clientId ?? null };
  let outage: Outage | null = null;
  const seconds = (since: number) => Math.round((now() - since) / 1000);

  return {
    get ongoing() {
      return outage !== null;
    },
    fetchFailed(reason, keptUntil) {
      if (outage !== null) {
        outage.reason = reason;
        return;
      }
      outage = { since: now(), reason, failedRequests: 0, loggedAt: now() };
      const consequence =
        keptUntil !== null && keptUntil > now()
          ? `the token kept serves until ${new Date(keptUntil).toISOString()}, then its endpoints' requests fail with a 502 until it is back`
          : "its endpoints' requests fail with a 502 until it is back";
      logger.warn({ ...fields, reason }, `Entra ID token server unavailable for ${identity}: ${consequence}`);
    },
    fetchAnswered() {
      if (outage === null) return;
      const { since, failedRequests } = outage;
      outage = null;
      const lasted = seconds(since);
      logger.info({ ...fields, lasted_s: lasted, failed_requests: failedRequests }, `Entra ID token server is back for ${identity} after ${lasted} s (requests failed meanwhile: ${failedRequests})`);
    },
    requestFailed() {
      if (outage === null) return;
      outage.failedRequests += 1;
      if (now() - outage.loggedAt < OUTAGE_LOGGED_EVERY_MS) return;
      outage.loggedAt = now();
      const lasted = seconds(outage.since);
      logger.warn(
        { ...fields, reason: outage.reason, lasted_s: lasted, failed_requests: outage.failedRequests },
        `Entra ID token server still unavailable for ${identity} (for ${lasted} s; requests failed so far: ${outage.failedRequests})`,
      );
    },
  };
}
