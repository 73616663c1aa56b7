/**
 * A fake Amazon Bedrock runtime (and STS) on 127.0.0.1:0, reached by the gateway through
 * `aws_endpoint_url` (STS through `AWS_ENDPOINT_URL_STS`).
 *
 * It answers the four operations the provider uses: `/model/{id}/converse` and `/invoke` with JSON,
 * `/converse-stream` and `/invoke-with-response-stream` with the real `application/vnd.amazon.eventstream`
 * encoding from `@smithy/eventstream-codec`, written in small pieces so messages are split across
 * TCP writes. Every request must carry a SigV4 `Authorization` header; the fake records the access
 * key id, region and service of its credential scope, and re-computes the signature with the
 * secret it was told to expect, so a wrong secret (or an unresolved `$ENV_VAR`) fails like AWS does.
 */
import { EventStreamCodec, type Message, type MessageHeaders } from '@smithy/eventstream-codec';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { SourceData } from '@smithy/types';

export type BedrockOperation = 'converse' | 'converse-stream' | 'invoke' | 'invoke-with-response-stream';

/** What the fake read from one signed request. */
export interface BedrockCall {
  operation: BedrockOperation;
  /** Decoded model id from the path, e.g. `us.anthropic.claude-3-5-sonnet-20241022-v2:0`. */
  modelId: string;
  headers: IncomingMessage['headers'];
  /** The JSON body (Converse input, or the model's native InvokeModel body). */
  body: unknown;
  signer: SignerScope;
}

export interface SignerScope {
  accessKeyId: string;
  region: string;
  service: string;
  sessionToken: string | null;
}

/** One credential the fake accepts: a request signed with another secret is refused (403). */
export interface ExpectedCredential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region: string;
}

export type BedrockReply =
  /** `headers`: extra response headers, e.g. Bedrock's `X-Amzn-Bedrock-Input-Token-Count`. */
  | { json: unknown; status?: number; headers?: Record<string, string> }
  | { events: Message[]; pieceSize?: number; pauseMs?: number }
  | { error: { type: string; message: string; status: number; headers?: Record<string, string> } }
  /** Writes the answer itself: bytes no real Bedrock sends. */
  | { respond: (response: ServerResponse) => void | Promise<void> };

export type BedrockHandler = (call: BedrockCall) => BedrockReply | Promise<BedrockReply>;

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function stringHeaders(values: Record<string, string>): MessageHeaders {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { type: 'string', value }]));
}

/** A ConverseStream event, e.g. `converseEvent('contentBlockDelta', {contentBlockIndex: 0, delta: {text: 'Hi'}})`. */
export function converseEvent(type: string, body: unknown): Message {
  return {
    headers: stringHeaders({ ':event-type': type, ':content-type': 'application/json', ':message-type': 'event' }),
    body: fromUtf8(JSON.stringify(body)),
  };
}

/** An InvokeModelWithResponseStream `chunk` event carrying one native JSON chunk of the model. */
export function chunkEvent(nativeChunk: unknown): Message {
  const bytes = Buffer.from(JSON.stringify(nativeChunk)).toString('base64');
  return {
    headers: stringHeaders({ ':event-type': 'chunk', ':content-type': 'application/json', ':message-type': 'event' }),
    body: fromUtf8(JSON.stringify({ bytes })),
  };
}

/** A modelled exception inside a stream, e.g. `exceptionEvent('throttlingException', 'Too many tokens')`. */
export function exceptionEvent(type: string, message: string): Message {
  return {
    headers: stringHeaders({ ':exception-type': type, ':content-type': 'application/json', ':message-type': 'exception' }),
    body: fromUtf8(JSON.stringify({ message })),
  };
}

/** `Credential=AKID/20240101/us-east-1/bedrock/aws4_request` out of a SigV4 Authorization header. */
export function parseSignerScope(headers: IncomingMessage['headers']): SignerScope | null {
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=/.exec(headers.authorization ?? '');
  if (!match) return null;
  const token = headers['x-amz-security-token'];
  return { accessKeyId: match[1], region: match[2], service: match[3], sessionToken: typeof token === 'string' ? token : null };
}

/** The SHA-256 (or HMAC-SHA-256 with a secret) checksum interface the signer expects, on node:crypto. */
class Sha256 {
  private hash: Hash | Hmac;
  private readonly secret: string | Uint8Array | undefined;
  constructor(secret?: SourceData) {
    this.secret = secret instanceof ArrayBuffer ? new Uint8Array(secret) : ArrayBuffer.isView(secret) ? new Uint8Array(secret.buffer, secret.byteOffset, secret.byteLength) : secret;
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
  }
  update(data: SourceData): void {
    this.hash.update(typeof data === 'string' ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/** Signs the request again with the expected secret and compares: proves the gateway held the right secret. */
async function signatureMatches(request: IncomingMessage, rawBody: Buffer, expected: ExpectedCredential, service: string): Promise<boolean> {
  const authorization = request.headers.authorization ?? '';
  const signedNames = /SignedHeaders=([^,]+)/.exec(authorization)?.[1].split(';') ?? [];
  const headers: Record<string, string> = {};
  for (const name of signedNames) headers[name] = String(request.headers[name] ?? '');
  const amzDate = headers['x-amz-date'];
  const signingDate = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const url = new URL(request.url ?? '/', 'http://fake');
  const query = Object.fromEntries(url.searchParams.entries());
  const resigned = await new SignatureV4({
    credentials: { accessKeyId: expected.accessKeyId, secretAccessKey: expected.secretAccessKey, sessionToken: expected.sessionToken },
    region: expected.region,
    service,
    sha256: Sha256,
  }).sign(
    new HttpRequest({ method: request.method, protocol: 'http:', hostname: headers.host?.split(':')[0], path: url.pathname, query, headers, body: rawBody }),
    { signingDate, signableHeaders: new Set(signedNames), unsignableHeaders: new Set() },
  );
  return resigned.headers.authorization === authorization;
}

interface Recorded {
  calls: BedrockCall[];
  /** One per Bedrock request: resolves when its connection closes, with whether the answer was complete. */
  closed: Promise<{ complete: boolean }>[];
  stsCalls: { form: Record<string, string>; signer: SignerScope }[];
}

export interface FakeBedrock extends Recorded {
  url: string;
  setHandler(handler: BedrockHandler): void;
  /** How many connections clients have opened so far. */
  connectionsOpened(): number;
  /** Credentials a request must be signed with; null accepts any signed request. */
  expectCredential(credential: ExpectedCredential | null): void;
  /** What STS AssumeRole answers with (a fresh session each call) and how long it lasts. */
  setAssumedRole(role: { accessKeyId: string; secretAccessKey: string; sessionToken: string; lifetimeSeconds: number }): void;
  /** STS refuses AssumeRole with this error (its XML error shape), until null. */
  refuseAssumeRole(refusal: { status: number; code: string; message: string } | null): void;
  /** While true, STS takes AssumeRole calls and never answers them (a hung STS). */
  holdAssumeRole(hold: boolean): void;
  close(): Promise<void>;
}

function sendAwsError(response: ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`, 'x-amzn-requestid': 'fake-error-request', ...headers });
  response.end(JSON.stringify({ message }));
}

/** Messages in the event-stream encoding, one after the other. */
export function encodeEvents(events: Message[]): Buffer {
  return Buffer.concat(events.map((event) => codec.encode(event)));
}

export const EVENT_STREAM_HEADERS = { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': 'fake-stream-request' };

async function writeEvents(response: ServerResponse, events: Message[], pieceSize: number, pauseMs: number): Promise<void> {
  response.writeHead(200, EVENT_STREAM_HEADERS);
  const bytes = encodeEvents(events);
  for (let offset = 0; offset < bytes.length; offset += pieceSize) {
    if (response.destroyed) return;
    response.write(bytes.subarray(offset, offset + pieceSize));
    // A pause between pieces makes each one its own TCP segment.
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  response.end();
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => resolve(Buffer.concat(parts)));
    request.on('error', reject);
  });
}

/**
 * Converse's rule on tool history (AWS answers a ValidationException, HTTP 400): a request whose
 * messages hold toolUse or toolResult blocks must define `toolConfig`, even when no tool may be called.
 */
function toolHistoryWithoutToolConfig(operation: BedrockOperation, body: unknown): boolean {
  if (operation !== 'converse' && operation !== 'converse-stream') return false;
  const { messages, toolConfig } = (body ?? {}) as { messages?: { content?: Record<string, unknown>[] }[]; toolConfig?: unknown };
  const hasToolBlocks = (messages ?? []).some((message) => (message.content ?? []).some((block) => 'toolUse' in block || 'toolResult' in block));
  return hasToolBlocks && toolConfig === undefined;
}

/**
 * Converse's rule on blank text (AWS answers a ValidationException, HTTP 400): a text block of a
 * message that is empty or only whitespace, named by its place in Converse's turns (not the client's
 * list). Text inside a toolResult is not checked, as Bedrock does not. Returns AWS's message, or null.
 */
function blankTextRefusal(operation: BedrockOperation, body: unknown): string | null {
  if (operation !== 'converse' && operation !== 'converse-stream') return null;
  const { messages } = (body ?? {}) as { messages?: { content?: { text?: unknown }[] }[] };
  for (const [turn, message] of (messages ?? []).entries()) {
    const blank = (message.content ?? []).findIndex((block) => typeof block.text === 'string' && block.text.trim() === '');
    if (blank !== -1) return `The text field in the ContentBlock object at messages.${turn}.content.${blank} is blank. Add text to the text field, and try again.`;
  }
  return null;
}

const OPERATION_PATH = /^\/model\/([^/]+)\/(converse|converse-stream|invoke|invoke-with-response-stream)$/;

/** With `tls` (a key and certificate), the fake serves HTTPS. */
export async function startFakeBedrock(initial: BedrockHandler, options: { tls?: { key: Buffer; cert: Buffer } } = {}): Promise<FakeBedrock> {
  let handler = initial;
  let expected: ExpectedCredential | null = null;
  let assumedRole = { accessKeyId: 'ASIAFAKEROLE', secretAccessKey: 'role-secret', sessionToken: 'role-session-token', lifetimeSeconds: 3600 };
  const recorded: Recorded = { calls: [], closed: [], stsCalls: [] };
  let stsRefusal: { status: number; code: string; message: string } | null = null;
  let stsHeld = false;

  async function handleSts(request: IncomingMessage, rawBody: Buffer, response: ServerResponse, signer: SignerScope): Promise<void> {
    const form = Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')).entries());
    recorded.stsCalls.push({ form, signer });
    if (stsHeld) return;
    if (stsRefusal !== null) {
      // https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html (Query API error shape)
      response.writeHead(stsRefusal.status, { 'content-type': 'text/xml' });
      response.end(`<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>${stsRefusal.code}</Code><Message>${stsRefusal.message}</Message></Error>
  <RequestId>fake-sts-error</RequestId>
</ErrorResponse>`);
      return;
    }
    const expiration = new Date(Date.now() + assumedRole.lifetimeSeconds * 1000).toISOString();
    response.writeHead(200, { 'content-type': 'text/xml' });
    response.end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials>
      <AccessKeyId>${assumedRole.accessKeyId}</AccessKeyId>
      <SecretAccessKey>${assumedRole.secretAccessKey}</SecretAccessKey>
      <SessionToken>${assumedRole.sessionToken}-${recorded.stsCalls.length}</SessionToken>
      <Expiration>${expiration}</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/${form.RoleArn?.split('/').pop()}/${form.RoleSessionName}</Arn>
      <AssumedRoleId>AROAFAKEROLEID:${form.RoleSessionName}</AssumedRoleId>
    </AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>fake-sts-request</RequestId></ResponseMetadata>
</AssumeRoleResponse>`);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(request);
    const signer = parseSignerScope(request.headers);
    if (signer === null) return sendAwsError(response, 403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
    if (signer.service === 'sts') return handleSts(request, rawBody, response, signer);
    if (expected !== null) {
      const sameKey = signer.accessKeyId === expected.accessKeyId && signer.region === expected.region;
      if (!sameKey || !(await signatureMatches(request, rawBody, expected, signer.service))) {
        return sendAwsError(response, 403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
      }
    }
    const match = OPERATION_PATH.exec(request.url ?? '');
    if (!match) return sendAwsError(response, 404, 'UnknownOperationException', `No operation at ${request.url}`);
    const call: BedrockCall = {
      operation: match[2] as BedrockOperation,
      modelId: decodeURIComponent(match[1]),
      headers: request.headers,
      body: rawBody.length > 0 ? JSON.parse(rawBody.toString('utf8')) : undefined,
      signer,
    };
    recorded.calls.push(call);
    recorded.closed.push(new Promise((resolve) => response.on('close', () => resolve({ complete: response.writableFinished }))));
    if (toolHistoryWithoutToolConfig(call.operation, call.body)) {
      return sendAwsError(response, 400, 'ValidationException', 'The toolConfig field must be defined when using toolUse and toolResult content blocks.');
    }
    const blankText = blankTextRefusal(call.operation, call.body);
    if (blankText !== null) return sendAwsError(response, 400, 'ValidationException', blankText);
    const reply = await handler(call);
    if ('error' in reply) return sendAwsError(response, reply.error.status, reply.error.type, reply.error.message, reply.error.headers);
    if ('respond' in reply) return reply.respond(response);
    if ('events' in reply) return writeEvents(response, reply.events, reply.pieceSize ?? 7, reply.pauseMs ?? 1);
    response.writeHead(reply.status ?? 200, { 'content-type': 'application/json', 'x-amzn-requestid': 'fake-request-id', ...reply.headers });
    response.end(JSON.stringify(reply.json));
  }

  const serve = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendAwsError(response, 500, 'InternalServerException', String(error));
      else response.destroy();
    });
  };
  const server: Server = options.tls ? createTlsServer(options.tls, serve) : createServer(serve);
  let connectionsOpened = 0;
  server.on(options.tls ? 'secureConnection' : 'connection', () => (connectionsOpened += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    ...recorded,
    setHandler: (next) => {
      handler = next;
    },
    connectionsOpened: () => connectionsOpened,
    expectCredential: (credential) => {
      expected = credential;
    },
    refuseAssumeRole: (refusal) => {
      stsRefusal = refusal;
    },
    holdAssumeRole: (hold) => {
      stsHeld = hold;
    },
    setAssumedRole: (role) => {
      assumedRole = role;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
