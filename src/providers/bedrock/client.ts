/**
 * One `BedrockRuntimeClient` per endpoint, from `aws_config` (secrets already resolved from
 * `$ENV_VAR` or files by the config loader): region and proxy are resolved at config load, the
 * client is built at the endpoint's first call. SigV4 signing and event-stream decoding
 * are the SDK's.
 *
 * Credentials, in MLflow's three shapes:
 * - key pair: `aws_access_key_id` + `aws_secret_access_key` (+ `aws_session_token`);
 * - role: `aws_role_arn` (+ `session_length_seconds`, default 900): STS AssumeRole through
 *   `fromTemporaryCredentials`, signed with the key pair when one is given, else with the default
 *   chain. The SDK caches the session and renews it five minutes before it expires (MLflow assumed
 *   the role again on every request);
 * - neither: the SDK's default chain (environment, shared files, SSO, container and instance roles).
 *
 * Region: `aws_region`, else `AWS_REGION` / `AWS_DEFAULT_REGION`, else the SDK's own lookup (the
 * shared config file); with none at all, each call fails with a 502 that says so.
 * Transport: HTTP/1.1 keep-alive (as boto3), with the endpoint's connect, first_byte and idle timeouts, on
 * agents shared by every client (`sharedAgents`). SDK retries are off (`maxAttempts: 1`), for
 * Bedrock and for STS: the gateway owns retries and fallbacks.
 * Proxy: as boto3, through the outbound proxy the environment names for the Bedrock runtime URL
 * (egress-proxy.ts; hpagent's keep-alive agents), STS calls for a role included.
 * Answers: the handler bounds what the SDK reads of each one (answer-bounds.ts); the token counts
 * Bedrock sends as InvokeModel response headers reach each call's output (token-count-headers.ts).
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { NodeHttpHandler, NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import type { Readable } from 'node:stream';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { AwsConfig } from '../../../generated/config';
import { proxyFor } from '../transport/egress-proxy';
import { requestIdOf } from '../transport/whole-response';
import { noteProviderRequestId } from '../abort';
import { boundedBody, FirstByteTimeout } from './answer-bounds';
import type { UpstreamTimeouts } from '../transport/http';
import { noteFateOfRequest, type RequestFateOption } from './request-fate';
import { awsSdk } from './sdk';
import { createSigningCredentials, type SigningCredentials } from './signing-credentials';
import { TOKEN_COUNT_HEADERS_OPTIONS, tokenCountHeadersMiddleware } from './token-count-headers';

/** MLflow's session name, so CloudTrail entries read the same. */
export const ROLE_SESSION_NAME = 'ai-gateway-bedrock';
export const DEFAULT_SESSION_SECONDS = 900;

export function resolveRegion(awsConfig: AwsConfig, env: NodeJS.ProcessEnv): string | undefined {
  return awsConfig.aws_region || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
}

function keyPair(awsConfig: AwsConfig): AwsCredentialIdentity | undefined {
  const { aws_access_key_id: accessKeyId, aws_secret_access_key: secretAccessKey, aws_session_token: sessionToken } = awsConfig;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/**
 * The URL whose proxy settings apply: `aws_endpoint_url`, else the regional runtime endpoint. When
 * the region is known only to the SDK (its shared config file), the region-less name stands in:
 * a `NO_PROXY` entry such as `.amazonaws.com` still matches it.
 */
function bedrockUrl(awsConfig: AwsConfig, region: string | undefined): string {
  return awsConfig.aws_endpoint_url || `https://bedrock-runtime.${region ? `${region}.` : ''}amazonaws.com`;
}

interface Agents {
  httpAgent: HttpAgent;
  httpsAgent: HttpsAgent;
}

/**
 * The agents of every Bedrock client, one pair per proxy (or none): the endpoints, and the clients
 * each reload builds anew, share kept-alive connections instead of opening their own. No cap on
 * connections, like the undici pools of the other providers and like boto3 (MLflow): the SDK's own
 * agents allow 50 per client and queue the calls beyond that.
 */
const sharedAgents = new Map<string, Agents>();

/** The agents for calls through `proxy`, or direct ones for null. */
function agentsFor(proxy: string | null): Agents {
  const key = proxy ?? 'direct';
  let agents = sharedAgents.get(key);
  if (!agents) {
    agents =
      proxy === null
        ? { httpAgent: new HttpAgent({ keepAlive: true }), httpsAgent: new HttpsAgent({ keepAlive: true }) }
        : { httpAgent: new HttpProxyAgent({ proxy, keepAlive: true }), httpsAgent: new HttpsProxyAgent({ proxy, keepAlive: true }) };
    sharedAgents.set(key, agents);
  }
  return agents;
}

type HandleArguments = Parameters<NodeHttpHandler['handle']>;

/**
 * The SDK's HTTP handler, with every response body bounded (answer-bounds.ts) and the endpoint's
 * `first_byte` and `idle` timeouts. The SDK has a single socket inactivity timeout, given the
 * longer of the two so that it cuts neither phase short; the handler ends a call whose response
 * headers take longer than `first_byte`, and the bounded body one silent for longer than `idle`.
 * A command's call (`requestFateOf`) is told what became of its request (request-fate.ts).
 * Each request's signing credentials are noted in `signedWith`, STS's included.
 */
function boundedHandler(options: NodeHttpHandlerOptions, limits: { timeouts: UpstreamTimeouts; maxAnswerBytes: number }, signedWith: SigningCredentials): NodeHttpHandler {
  const { timeouts, maxAnswerBytes } = limits;
  class BoundedHttpHandler extends awsSdk().http.NodeHttpHandler {
    override async handle(request: HandleArguments[0], handlerOptions: HandleArguments[1] = {}): ReturnType<NodeHttpHandler['handle']> {
      signedWith.note(request.headers);
      const firstByte = new AbortController();
      const timer = setTimeout(() => firstByte.abort(new FirstByteTimeout(timeouts.headers)), timeouts.headers);
      const given = handlerOptions.abortSignal as AbortSignal | undefined;
      const abortSignal = given === undefined ? firstByte.signal : AbortSignal.any([given, firstByte.signal]);
      const call = (handlerOptions as RequestFateOption).requestFateOf;
      const answered = call === undefined ? null : noteFateOfRequest(request, call);
      if (call !== undefined) noteProviderRequestId(call, null);
      let response;
      try {
        ({ response } = await super.handle(request, { ...handlerOptions, abortSignal }));
      } catch (error) {
        // The SDK reports any abort as an AbortError; the first_byte timeout is named as such.
        throw firstByte.signal.aborted && !given?.aborted ? firstByte.signal.reason : error;
      } finally {
        clearTimeout(timer);
      }
      answered?.(response.statusCode);
      if (call !== undefined) noteProviderRequestId(call, requestIdOf(response.headers['x-amzn-requestid']));
      response.body = boundedBody(response.body as Readable, { statusCode: response.statusCode, contentType: response.headers['content-type'] }, { maxAnswerBytes, idleMs: timeouts.body });
      return { response };
    }

    /** The agents are shared (`sharedAgents`): one client's end must not close the others' connections. */
    override destroy(): void {}
  }
  return new BoundedHttpHandler(options);
}

/** STS refused or failed the AssumeRole call of an endpoint's `aws_role_arn` (`cause`: the SDK's error). */
export class AssumeRoleFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(`AssumeRole failed: ${(cause as { name?: string } | null)?.name ?? 'Error'}`);
    this.name = 'AssumeRoleFailure';
  }
}

/** Static keys, an assume-role provider, or undefined for the SDK's default chain. */
export function createCredentials(
  awsConfig: AwsConfig,
  region: string | undefined,
  requestHandler?: NodeHttpHandler,
): AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined {
  const keys = keyPair(awsConfig);
  if (!awsConfig.aws_role_arn) return keys;
  const assumeRole = awsSdk().credentials.fromTemporaryCredentials({
    params: { RoleArn: awsConfig.aws_role_arn, RoleSessionName: ROLE_SESSION_NAME, DurationSeconds: awsConfig.session_length_seconds ?? DEFAULT_SESSION_SECONDS },
    ...(keys ? { masterCredentials: keys } : {}),
    // STS in the same region; AWS_ENDPOINT_URL_STS still overrides the endpoint (VPC endpoints, tests).
    // No SDK retries here either (its default is 3 attempts): each gateway attempt makes one call.
    clientConfig: { maxAttempts: 1, ...(region ? { region } : {}), ...(requestHandler ? { requestHandler } : {}) },
  });
  // Marked, so that STS's refusals are not taken for Bedrock's answers to the client's request.
  return (options) =>
    assumeRole(options).catch((error: unknown) => {
      throw new AssumeRoleFailure(error);
    });
}

/** What one endpoint's client is built from, resolved at config load. */
export interface BedrockClientSettings {
  awsConfig: AwsConfig;
  region: string | undefined;
  /** The outbound proxy for its calls, or null for direct ones. */
  proxy: string | null;
  limits: { timeouts: UpstreamTimeouts; maxAnswerBytes: number };
  /** The credentials its calls were signed with, for its errors to be redacted of (signing-credentials.ts). */
  signedWith: SigningCredentials;
}

/** Region and proxy of an endpoint's client; throws for a proxy variable that is not an http(s) URL. */
export function bedrockClientSettings(
  awsConfig: AwsConfig,
  limits: { timeouts: UpstreamTimeouts; maxAnswerBytes: number },
  env: NodeJS.ProcessEnv = process.env,
): BedrockClientSettings {
  const region = resolveRegion(awsConfig, env);
  return { awsConfig, region, proxy: proxyFor(bedrockUrl(awsConfig, region)), limits, signedWith: createSigningCredentials() };
}

/** One client per endpoint, built at its first call (checking a config builds its endpoints, and must build no client). */
export function createBedrockClient({ awsConfig, region, proxy, limits, signedWith }: BedrockClientSettings): BedrockRuntimeClient {
  const { timeouts } = limits;
  const { runtime } = awsSdk();
  const agents = agentsFor(proxy);
  const handler = () => boundedHandler({ connectionTimeout: timeouts.connect, socketTimeout: Math.max(timeouts.headers, timeouts.body), ...agents }, limits, signedWith);
  const client = new runtime.BedrockRuntimeClient({
    ...(region ? { region } : {}),
    ...(awsConfig.aws_endpoint_url ? { endpoint: awsConfig.aws_endpoint_url } : {}),
    // Without one, STS borrows this client's handler (the SDK passes it as the caller's config), so
    // AssumeRole has the endpoint's timeouts either way (test/e2e/bedrock-errors.test.ts, hung STS).
    credentials: createCredentials(awsConfig, region, proxy === null ? undefined : handler()),
    maxAttempts: 1,
    requestHandler: handler(),
  });
  client.middlewareStack.add(tokenCountHeadersMiddleware, TOKEN_COUNT_HEADERS_OPTIONS);
  return client;
}
