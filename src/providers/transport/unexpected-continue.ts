/**
 * A 100 Continue the gateway did not ask for (it sends no `Expect` header): some servers, and
 * proxies that add `Expect` on their way, send one anyway. RFC 9110 §15.2 says a client must read
 * past it, but undici destroys the connection instead (a SocketError 'bad response' in
 * client-h1.js, the only such failure a running request gets; other 1xx answers, such as 103 Early
 * Hints, are read past), so the answer is lost. Said as what happened, not as a provider that
 * could not be reached, which it was.
 */
import { GatewayError } from '../../errors';

/** Whether undici failed the call on an unasked-for 100 Continue. */
export function isUnexpectedContinue(error: unknown, code: string | null): boolean {
  return code === 'UND_ERR_SOCKET' && error instanceof Error && error.message === 'bad response';
}

/**
 * Not retried: a server (or proxy) that sends a 100 Continue unasked does so every time, and each
 * attempt is a call it runs and may bill. A FALLBACK route still moves on.
 */
export function unexpectedContinueError(options: { providerName: string; through: string; forEndpoint: string }): GatewayError {
  const { providerName, through, forEndpoint } = options;
  return new GatewayError({
    status: 502,
    message: `${providerName}${through} answered ${forEndpoint} with an interim 100 Continue that the gateway did not ask for; its HTTP client (undici) cannot read past one, so the answer was lost (UND_ERR_SOCKET).`,
    kind: 'upstream_error',
    code: 'upstream_unavailable',
    fallsBack: true,
  });
}
