/** `server:` in the config: limits on what clients send and upstreams answer, compiled into bytes and milliseconds. */
import { getHeapStatistics } from 'node:v8';
import type { ServerSettings } from '../../generated/config';
import configSchema from '../../config-schema/gateway-config.schema.json';
import type { ConfigIssue } from './config-error';

export interface ServerPlan {
  maxBodyBytes: number;
  /** The most bytes of request bodies this process holds at once (held-bodies.ts). */
  maxInFlightBodyBytes: number;
  /** The largest upstream answer read whole (see `createUpstream`). */
  maxAnswerBytes: number;
  maxJsonDepth: number;
  /** The most keys one object of a request body may have. */
  maxJsonKeys: number;
  /** Time to receive a whole request (headers and body); read at start-up. */
  requestTimeoutMs: number;
  /** Time to receive the request headers; read at start-up. */
  headersTimeoutMs: number;
  /** How long an idle client connection is kept open; read at start-up. */
  keepAliveTimeoutMs: number;
  /** How long requests in flight at SIGTERM may take; read when the signal arrives. */
  shutdownTimeoutMs: number;
  /** Whether a client's valid trace context goes to the providers' HTTP calls (see trace-context.ts). */
  forwardTraceContext: boolean;
  /** How long a stream may send nothing before a keep-alive goes out (stream-keep-alive.ts); 0: never. */
  streamKeepAliveMs: number;
}

export const DEFAULT_SERVER_SETTINGS = { max_body_size: '10mb', max_answer_size: '256mb', max_json_depth: 64, max_json_keys: 1000, request_timeout: 60, headers_timeout: 20, keep_alive_timeout: 65, shutdown_timeout: 10, forward_trace_context: false, stream_keepalive: 15 } as const;

/** The settings Node's HTTP server takes when it is created: a reload cannot change them. */
const START_UP_SETTINGS = { request_timeout: 'requestTimeoutMs', headers_timeout: 'headersTimeoutMs', keep_alive_timeout: 'keepAliveTimeoutMs' } as const;

/** The `server.*` settings read only at start-up whose value differs between two plans, by their config names. */
export function changedStartUpSettings(before: ServerPlan, after: ServerPlan): string[] {
  return Object.entries(START_UP_SETTINGS)
    .filter(([, field]) => before[field] !== after[field])
    .map(([name]) => `server.${name}`);
}

/** The processes that serve (`--workers`, set by cli.ts at start): they share the memory Node sizes each one's heap from. */
let servingProcesses = 1;

export function shareMemoryAmong(processes: number): void {
  servingProcesses = processes;
}

/**
 * `max_in_flight_body_size` when the config has none: a quarter of the heap limit, which Node sets
 * from the machine's or the container's memory, shared among the serving processes (two workers of a
 * 2 GB container each have a heap limit of 1.1 GB). A body held through its call takes about 2.5 times
 * its size (its parsed form on the heap, the bytes sent upstream beside it), and the body being
 * parsed and serialised needs several times its own on top: a quarter leaves that room.
 */
export function defaultMaxInFlightBodyBytes(): number {
  return Math.floor(getHeapStatistics().heap_size_limit / 4 / servingProcesses);
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** `10mb` → 10485760; a number is bytes. The schema has checked the form. */
export function sizeInBytes(size: number | string): number {
  if (typeof size === 'number') return size;
  const [, amount, unit] = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(size) ?? [];
  return Math.floor(Number(amount) * UNITS[(unit ?? 'b').toLowerCase()]);
}

/** A size's maximum as config-schema gives it (for its number form; the text form is checked against it here). */
export function mostBytes(definition: 'ServerSettings' | 'Logging' | 'ResponseStore', key: 'max_body_size' | 'max_answer_size' | 'max_in_flight_body_size' | 'max_size'): number {
  const properties = configSchema.definitions[definition].properties as Record<string, { maximum?: number }>;
  return properties[key].maximum ?? Number.POSITIVE_INFINITY;
}

/** `536870912` → `512mb`: a maximum as a config would write it. */
function sizeText(bytes: number): string {
  const unit = (['gb', 'mb', 'kb'] as const).find((name) => bytes % UNITS[name] === 0);
  return unit === undefined ? `${bytes} bytes` : `${bytes / UNITS[unit]}${unit}`;
}

/** Said of a size over its maximum, written as bytes (the schema's `maximum`) or as text (`2gb`, checked by `sizeIssues`). */
export function sizeMaximumMessage(most: number): string {
  return `must be at most ${sizeText(most)} (${most} bytes)`;
}

/** What is wrong with a size in bytes at `path`: under 1 byte (`0.1b`), or over its maximum. */
export function sizeIssues(path: string, bytes: number, most: number, tooSmall = 'must be at least 1 byte'): ConfigIssue[] {
  if (bytes < 1) return [{ path, message: tooSmall }];
  return bytes > most ? [{ path, message: sizeMaximumMessage(most) }] : [];
}

/** The `server:` keys judged against each other (the headers are part of the request). */
export const COMPARED_KEYS: readonly (readonly string[])[] = [['headers_timeout', 'request_timeout']];

export function compileServerSettings(settings: ServerSettings | undefined): { plan: ServerPlan; issues: ConfigIssue[] } {
  const merged = { ...DEFAULT_SERVER_SETTINGS, ...settings };
  const plan: ServerPlan = {
    maxBodyBytes: sizeInBytes(merged.max_body_size),
    maxInFlightBodyBytes: settings?.max_in_flight_body_size === undefined ? defaultMaxInFlightBodyBytes() : sizeInBytes(settings.max_in_flight_body_size),
    maxAnswerBytes: sizeInBytes(merged.max_answer_size),
    maxJsonDepth: merged.max_json_depth,
    maxJsonKeys: merged.max_json_keys,
    requestTimeoutMs: Math.round(merged.request_timeout * 1000),
    headersTimeoutMs: Math.round(merged.headers_timeout * 1000),
    keepAliveTimeoutMs: Math.round(merged.keep_alive_timeout * 1000),
    shutdownTimeoutMs: Math.round(merged.shutdown_timeout * 1000),
    forwardTraceContext: merged.forward_trace_context,
    streamKeepAliveMs: Math.round(merged.stream_keepalive * 1000),
  };
  const issues: ConfigIssue[] = [
    ...sizeIssues('server.max_body_size', plan.maxBodyBytes, mostBytes('ServerSettings', 'max_body_size')),
    ...sizeIssues('server.max_answer_size', plan.maxAnswerBytes, mostBytes('ServerSettings', 'max_answer_size')),
    ...sizeIssues('server.max_in_flight_body_size', plan.maxInFlightBodyBytes, mostBytes('ServerSettings', 'max_in_flight_body_size')),
  ];
  // Under a millisecond would round to none at all.
  if (plan.streamKeepAliveMs === 0 && merged.stream_keepalive > 0) {
    issues.push({ path: 'server.stream_keepalive', message: 'must be 0 (no keep-alives) or at least 0.001 (seconds: one millisecond)' });
  }
  if (plan.headersTimeoutMs > plan.requestTimeoutMs) {
    issues.push({ path: 'server.headers_timeout', message: `must not be longer than server.request_timeout (${merged.request_timeout} s): the headers are part of the request` });
  }
  return { plan, issues };
}
