/**
 * The gateway's structured logger (pino). Secrets never reach it: configs are logged by name
 * only, request headers are never logged; should a header object ever be, its keys are redacted.
 */
import pino from 'pino';
// Named type imports: the declarations of what is exported must not need a consumer's esModuleInterop
// (a plugin author's `module: commonjs` project without it would fail on `import pino from 'pino'`).
import type { DestinationStream, Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

const SECRET_HEADERS = ['authorization', '["x-api-key"]', '["api-key"]', '["proxy-authorization"]', 'cookie'];

/** Where a `headers` object could appear in a log line: at the top or under a request, response or error. */
const HEADER_HOLDERS = ['', 'req.', 'request.', 'res.', 'response.', 'err.', 'error.'];

/**
 * Header secrets in any `headers` object at those places. Explicit paths, not wildcards: pino's
 * wildcard redaction costs about 45 µs per log line, which the audit log pays on every request.
 */
const REDACTED_PATHS = SECRET_HEADERS.flatMap((header) => {
  const key = header.startsWith('[') ? header : `.${header}`;
  return HEADER_HOLDERS.map((holder) => `${holder}headers${key}`);
});

/**
 * An error message holds what the provider said, and the name called is whatever the client sent
 * as `model` (up to the body limit): either may be long, and the client gets it whole. Every line
 * that quotes one (the audit line, the warnings a failure causes) holds its first 8 KB.
 */
const MAX_LOGGED_MESSAGE_CHARS = 8 * 1024;

export function loggedMessage(message: string): string {
  if (message.length <= MAX_LOGGED_MESSAGE_CHARS) return message;
  return `${message.slice(0, MAX_LOGGED_MESSAGE_CHARS)}… (${message.length - MAX_LOGGED_MESSAGE_CHARS} more characters)`;
}

/** The messages of the audit log's per-request lines (request-log.ts). */
export const AUDIT_MESSAGE = { done: 'request', aborted: 'request aborted by the client' } as const;
const AUDIT_MESSAGES = new Set<string>(Object.values(AUDIT_MESSAGE));

/** Writes one per-request audit line: its fields and message (request-log.ts). */
export type AuditWriter = (fields: Record<string, unknown>, message: string) => void;

const auditWriters = new WeakMap<Logger, AuditWriter>();

/**
 * How request-log.ts writes its lines to `logger`. For the gateway's own stdout logger: one
 * `JSON.stringify` straight into pino's destination, in pino's own line format (level, time, pid,
 * the fields, msg; a test compares the two). pino's general serialisation cost about 8 µs per line
 * under load, about 6% of the gateway's CPU per request (perf); the audit line has no secrets for
 * redaction to find (no headers) and no error objects for serialisers. Any other logger: `info`.
 */
export function auditWriterOf(logger: Logger): AuditWriter {
  return auditWriters.get(logger) ?? ((fields, message) => logger.info(fields, message));
}

function directAuditWriter(logger: Logger, write: (line: string) => void): AuditWriter {
  const head = `{"level":${pino.levels.values.info},"time":`;
  const pid = `,"pid":${process.pid}`;
  return (fields, message) => {
    if (!logger.isLevelEnabled('info')) return;
    const text = JSON.stringify(fields);
    const rest = text === '{}' ? '' : `,${text.slice(1, -1)}`;
    write(`${head}${Date.now()}${pid}${rest},"msg":${JSON.stringify(message)}}\n`);
  };
}

/** About how much text is written to standard output at once, in characters. */
const BATCH_CHARS = 12 * 1024;

/** The longest a line waits in a batch before it is written. */
const FLUSH_INTERVAL_MS = 100;

/**
 * The most text held while standard output is not read (a stalled log collector): once that much is
 * waiting, further lines are dropped, counted, and reported once output moves again, instead of
 * memory growing without bound.
 */
const MAX_BUFFERED_CHARS = 4 * 1024 * 1024;

/**
 * pino's destination for standard output, one per process, shared by every stdout logger (the CLI's,
 * and one a rate-limit store or an app gets when given none), so their lines stay in order. Lines
 * wait in a batch and leave as one `process.stdout` write of about 12 KB. process.stdout writes on
 * the main thread: synchronously to a file or a terminal, without blocking to a pipe (Node's own
 * choice per kind of file descriptor), with no round trip through libuv's thread pool (sonic-boom's
 * asynchronous mode, used before).
 */
class StdoutBatcher {
  /** Lines dropped and not yet reported. */
  dropped = 0;
  private lines: string[] = [];
  private chars = 0;
  private closed = false;

  /**
   * Lines still waiting at exit are written then (synchronously to a file), and a closed standard
   * output (the collector went away) does not crash the gateway: lines are counted as dropped from
   * then on. Each hook once per process: a logger per reload or per store must not add listeners.
   */
  constructor(private readonly maxBufferedChars: number) {
    process.once('exit', () => this.flush());
    process.stdout.on('error', () => {
      this.closed = true;
    });
  }

  write(line: string): void {
    this.lines.push(line);
    this.chars += line.length;
    if (this.chars >= BATCH_CHARS) this.flush();
  }

  /** Writes every waiting line, in order, or drops them all while output is stalled or closed. */
  flush(): void {
    const count = this.lines.length;
    if (count === 0) return;
    const text = count === 1 ? this.lines[0] : this.lines.join('');
    this.lines = [];
    this.chars = 0;
    // Judged by what is still unwritten, not with this batch: a batch longer than the bound (a line
    // with long bodies) is still written while output moves.
    if (this.closed || process.stdout.writableLength >= this.maxBufferedChars) this.dropped += count;
    else process.stdout.write(text);
  }
}

/** The process's batcher, made with its first stdout logger (whose `maxBufferedChars` it keeps). */
let stdoutBatcher: StdoutBatcher | undefined;

/** Every FLUSH_INTERVAL_MS: the batch is written, and lines dropped meanwhile are reported by `logger`. */
function flushPeriodically(batcher: StdoutBatcher, logger: Logger): void {
  setInterval(() => {
    batcher.flush();
    const count = batcher.dropped;
    if (count > 0) {
      batcher.dropped = 0;
      logger.warn({ dropped_lines: count }, 'log lines dropped: standard output was not read fast enough');
      // Still full: this warning was dropped too; report the same count next time.
      if (batcher.dropped > 0) batcher.dropped = count;
    }
  }, FLUSH_INTERVAL_MS).unref();
}

/**
 * Standard output, in batches (see StdoutBatcher). Only the per-request audit lines wait for a batch
 * to fill, at most FLUSH_INTERVAL_MS; anything else (start-up, reloads, warnings, errors) is rare and
 * is written at once, after the lines waiting before it (those of every stdout logger).
 */
function bufferedStdoutLogger(settings: pino.LoggerOptions, maxBufferedChars: number): Logger {
  const batcher = stdoutBatcher ?? new StdoutBatcher(maxBufferedChars);
  const hooks: pino.LoggerOptions['hooks'] = {
    logMethod(args, method) {
      method.apply(this, args);
      if (!AUDIT_MESSAGES.has(args[1] as string)) batcher.flush();
    },
  };
  const logger = pino({ ...settings, hooks }, batcher);
  auditWriters.set(logger, directAuditWriter(logger, (line) => batcher.write(line)));
  if (stdoutBatcher === undefined) {
    stdoutBatcher = batcher;
    flushPeriodically(batcher, logger);
  }
  return logger;
}

/** What an error's log line keeps: what names it and says what and where, never its other properties. */
const LOGGED_ERROR_FIELDS = ['type', 'message', 'stack', 'code', 'errno', 'syscall', 'address', 'port', 'status'];

/**
 * The `err` of a log line: pino's error serializer (class, message and stack with their causes),
 * without the other properties it copies whole. An HTTP client's error carries the request it sent
 * (axios: `config.headers.Authorization`, `config.data`), so a plugin's vendor key and a client's
 * prompt reached the log with it.
 */
function loggedError(error: unknown): unknown {
  if (typeof (error as { message?: unknown } | null)?.message !== 'string') return { message: String(error) };
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  const logged: Record<string, unknown> = {};
  for (const field of LOGGED_ERROR_FIELDS) {
    const value = serialized[field];
    if (typeof value === 'string' || typeof value === 'number') logged[field] = value;
  }
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors)) logged.aggregateErrors = errors.map(loggedError);
  return logged;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * The level `LOG_LEVEL` names: unset or empty (as a Helm chart or `env:` list leaves it) is `info`;
 * a name pino does not know throws a message for the operator, not pino's stack trace at start-up.
 */
function logLevelFromEnvironment(env: NodeJS.ProcessEnv): string {
  const level = env.LOG_LEVEL?.trim().toLowerCase();
  if (!level) return 'info';
  if (!LOG_LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got '${env.LOG_LEVEL}'`);
  return level;
}

export function createLogger(options: { level?: string; destination?: DestinationStream; maxBufferedChars?: number } = {}): Logger {
  const settings: pino.LoggerOptions = {
    level: options.level ?? logLevelFromEnvironment(process.env),
    base: { pid: process.pid },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: loggedError },
  };
  return options.destination ? pino(settings, options.destination) : bufferedStdoutLogger(settings, options.maxBufferedChars ?? MAX_BUFFERED_CHARS);
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = pino({ level: 'silent' });
