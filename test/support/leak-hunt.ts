/**
 * Helpers of the secret-leak tests (test/e2e/secret-leaks-*.test.ts): distinctive secrets, a fake
 * upstream's echo of everything it was sent, and one search over all a scenario let out.
 */
import type { RecordedRequest } from './fake-upstream';
import { waitForLogLine } from './log-capture';

/** The mark every secret of these tests carries: no other text of the gateway or its tests holds it. */
export const CANARY = 'LEAKCANARY';

/** The end every secret of these tests shares: a vendor quoting a key masked shows its last characters. */
const CANARY_END = 'x7Qp2mZ9';

/**
 * A distinct secret named by `label`, only letters, digits and `-` (so its JSON, URL and
 * percent-encoded forms are the same text): `sk-LEAKCANARY-openai-x7Qp2mZ9`.
 */
export function canary(label: string): string {
  return `sk-${CANARY}-${label}-${CANARY_END}`;
}

/** `key` as OpenAI quotes a key it refused, its first 8 and last 4 characters around asterisks ('Incorrect API key provided: sk-5ZHQn****…pYxy'). */
export function maskedAsOpenAi(key: string): string {
  return `${key.slice(0, 8)}${'*'.repeat(Math.max(3, key.length - 12))}${key.slice(-4)}`;
}

/** The Basic credentials header value of `user:password`, as an upstream receives (and may echo) it. */
export function basicOf(user: string, password: string): string {
  return Buffer.from(`${user}:${password}`, 'latin1').toString('base64');
}

/** A careless upstream's echo of the request it got: its request line and every header, credentials included, and its credential as a vendor quotes one masked. */
export function echoOf(request: Pick<RecordedRequest, 'method' | 'url' | 'headers'>): string {
  return `${request.method} ${request.url} with headers ${JSON.stringify(request.headers)}; the key ${maskedAsOpenAi(credentialOf(request))} was used`;
}

/** The credential the request carried (a bearer token without its scheme, a key header, a `?key=`), for an upstream to quote in a code or type field. */
export function credentialOf(request: Pick<RecordedRequest, 'url' | 'headers'>): string {
  const { authorization, 'x-api-key': anthropicKey, 'api-key': azureKey, 'x-goog-api-key': googleKey } = request.headers;
  const header = [authorization, anthropicKey, azureKey, googleKey].find((value): value is string => typeof value === 'string');
  if (header !== undefined) return header.replace(/^\S+\s+/, '');
  return new URL(request.url, 'http://upstream').searchParams.get('key') ?? 'none';
}

/**
 * What of `secrets` shows in `output`, and any text around a canary mark or a canary's end (a secret's
 * start that an excerpt cut, its end that a masked quote shows, a secret the test did not list):
 * empty when nothing leaked. Each finding says where.
 */
export function leaksIn(output: string, secrets: readonly string[]): string[] {
  // In any letter case: a message may quote a value as the loader normalised it (lowercased).
  const text = output.toLowerCase();
  const whole = secrets.filter((secret) => text.includes(secret.toLowerCase())).map((secret) => `secret ${secret}`);
  const mark = (match: RegExpExecArray) => `…${output.slice(Math.max(0, match.index - 120), match.index + 60)}…`;
  // The end as a masked quote shows it (its last 4 characters), in its own letter case: 4 characters in any case would match by chance.
  const marks = [...output.matchAll(new RegExp(CANARY, 'gi')), ...output.matchAll(new RegExp(CANARY_END.slice(-4), 'g'))].map(mark);
  return [...whole, ...marks];
}

/**
 * GET paths of the gateway that show config-derived text, for `endpoints` and traffic `routes`: the
 * endpoint and route views, the model list, the docs page and the OpenAPI document it serves, metrics.
 */
export function viewPaths(endpoints: readonly string[], routes: readonly string[] = []): string[] {
  const perEndpoint = endpoints.flatMap((name) => [`/api/2.0/endpoints/${name}`, `/api/3.0/gateway/endpoint/${name}`, `/api/2.0/gateway/routes/${name}`, `/v1/models/${name}`]);
  const perRoute = routes.map((name) => `/api/3.0/gateway/route/${name}`);
  return ['/api/2.0/endpoints/', '/api/2.0/gateway/routes/', '/v1/models', '/docs/', '/docs/swagger-ui-init.js', '/openapi.json', '/metrics', '/health', ...perEndpoint, ...perRoute];
}

/** The status line, headers and body of each view, as one text. */
export async function viewsOf(url: string, paths: readonly string[], headers: Record<string, string> = {}): Promise<string> {
  const views = await Promise.all(
    paths.map(async (path) => {
      const response = await fetch(`${url}${path}`, { headers });
      return `GET ${path} ${response.status} ${JSON.stringify([...response.headers])}\n${await response.text()}`;
    }),
  );
  return views.join('\n');
}

/** One response as text: status, headers and body. */
export async function responseText(response: Response): Promise<string> {
  return `${response.status} ${JSON.stringify([...response.headers])}\n${await response.text()}`;
}

export type EndpointType = 'chat' | 'completions' | 'embeddings';

/** One request to the gateway. */
export interface GatewayCall {
  path: string;
  body: Record<string, unknown>;
}

/** The calls an endpoint (or a traffic route, `route`) of `type` gets: the MLflow route and `/v1` (chat: the Responses API too), streamed and not. */
export function callsOf(name: string, type: EndpointType, options: { route?: boolean } = {}): GatewayCall[] {
  const invocations = options.route ? `/gateway/${name}/invocations` : `/endpoints/${name}/invocations`;
  switch (type) {
    case 'chat': {
      const messages = [{ role: 'user', content: 'Bonjour' }];
      return [
        { path: invocations, body: { messages } },
        { path: invocations, body: { messages, stream: true } },
        { path: '/v1/chat/completions', body: { model: name, messages } },
        { path: '/v1/chat/completions', body: { model: name, messages, stream: true } },
        { path: '/v1/responses', body: { model: name, input: 'Bonjour' } },
        { path: '/v1/responses', body: { model: name, input: 'Bonjour', stream: true } },
      ];
    }
    case 'completions':
      return [
        { path: invocations, body: { prompt: 'Bonjour' } },
        { path: invocations, body: { prompt: 'Bonjour', stream: true } },
        { path: '/v1/completions', body: { model: name, prompt: 'Bonjour' } },
        { path: '/v1/completions', body: { model: name, prompt: 'Bonjour', stream: true } },
      ];
    case 'embeddings':
      return [
        { path: invocations, body: { input: ['Bonjour'] } },
        { path: '/v1/embeddings', body: { model: name, input: 'Bonjour' } },
      ];
  }
}

/**
 * Makes `calls` one after the other, each answer read whole and its audit line awaited (a search of
 * the log before it is written proves nothing), and returns the answers and every line logged
 * meanwhile (`lines`: a `captureLog()` capture) as one text.
 */
export async function everythingLetOut(options: { url: string; calls: readonly GatewayCall[]; lines: string[]; headers?: Record<string, string> }): Promise<string> {
  const { url, calls, lines } = options;
  const from = lines.length;
  const outputs: string[] = [];
  for (const { path, body } of calls) {
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...options.headers }, body: JSON.stringify(body) });
    outputs.push(`POST ${path} ${JSON.stringify(body)} → ${await responseText(response)}`);
    await waitForLogLine(lines, (line) => line.msg === 'request' && line.request_id === response.headers.get('x-request-id'), { from });
  }
  return [...outputs, ...lines.slice(from)].join('\n');
}
