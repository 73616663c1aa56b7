/**
 * The gateway's structured logger (pino). Secrets never reach it: configs are logged by name
 * only, request headers are never logged; should a header object ever be, its keys are redacted.
 */
import pino from 'pino';

export type Logger = pino.Logger;

const SECRET_HEADERS = ['authorization', '["x-api-key"]', '["api-key"]', '["proxy-authorization"]', 'cookie'];

/** Where a `headers` object could appear in a log line: at the top or under a request, response or error. */
const HEADER_HOLDERS = ['', 'req.', 'request.', 'res.', 'response.', 'err.', 'error.'];

/**
 * Header secrets in any `headers` object at those places. Explicit paths, not wildcards: pino's
 * wildcard redaction costs about 45 µs per log line, which the audit log pays on every request.
 */
export const REDACTED_PATHS = SECRET_HEADERS.flatMap((header) => {
  const key = header.startsWith('[') ? header : `.${header}`;
  return HEADER_HOLDERS.map((holder) => `${holder}headers${key}`);
});

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

/**
 * Audit lines wait here and reach the destination as one string per batch. Handed over one by one,
 * each line cost a copy of every line waiting before it: sonic-boom measures the byte length of its
 * last pending string on each write, which flattens the string built so far (~6 KB per request).
 */
class LineBatch {
  private lines: string[] = [];
  private chars = 0;

  constructor(private readonly destination: pino.DestinationStream) {}

  add(line: string): void {
    this.lines.push(line);
    this.chars += line.length;
    if (this.chars >= BATCH_CHARS) this.flush();
  }

  /** Hands every waiting line to the destination, in order. */
  flush(): void {
    if (this.lines.length === 0) return;
    const text = this.lines.join('');
    this.lines = [];
    this.chars = 0;
    this.destination.write(text);
  }
}

/** Batches to hand over at exit, before pino flushes its destinations (see `flushAtExit`). */
const batchesAtExit: { batch: LineBatch; destination: pino.DestinationStream }[] = [];

/** Registered before the first stdout logger, so it runs before pino's own exit flush. */
function flushAtExit(batch: LineBatch, destination: pino.DestinationStream): void {
  if (batchesAtExit.length === 0) {
    process.once('exit', () => {
      for (const pending of batchesAtExit) {
        pending.batch.flush();
        try {
          (pending.destination as pino.DestinationStream & { flushSync(): void }).flushSync();
        } catch {
          // Standard output already closed: nothing more can be written.
        }
      }
    });
  }
  batchesAtExit.push({ batch, destination });
}

/** The longest an audit line waits before it is written. */
const FLUSH_INTERVAL_MS = 100;

/**
 * The most text held while standard output is not read (a stalled log collector): beyond it lines
 * are dropped, counted, and reported once output moves again, instead of memory growing without bound.
 */
const MAX_BUFFERED_CHARS = 4 * 1024 * 1024;

const linesIn = (text: string) => text.split('\n').length - 1;

/**
 * Standard output; audit lines are written in batches of about 12 KB, at most FLUSH_INTERVAL_MS late; the
 * rest at exit. One write per line cost ~5 µs of CPU per request under load (the audit log writes a
 * line for every request), and woke the reader each time.
 */
function bufferedStdoutLogger(settings: pino.LoggerOptions, maxBufferedChars: number): Logger {
  const destination = pino.destination({ dest: 1, sync: false, minLength: BATCH_CHARS, maxLength: maxBufferedChars });
  const batch = new LineBatch(destination);
  flushAtExit(batch, destination);
  // Only the per-request audit lines wait for a batch; anything else (start-up, reloads, warnings,
  // errors) is rare and is written at once, after the audit lines waiting before it.
  const hooks: pino.LoggerOptions['hooks'] = {
    logMethod(args, method) {
      batch.flush();
      method.apply(this, args);
      if (!AUDIT_MESSAGES.has(args[1] as string)) destination.flush();
    },
  };
  const logger = pino({ ...settings, hooks }, destination);
  auditWriters.set(logger, directAuditWriter(logger, (line) => batch.add(line)));
  let dropped = 0;
  destination.on('drop', (text: string) => {
    dropped += linesIn(text);
  });
  setInterval(() => {
    batch.flush();
    if (dropped > 0) {
      const count = dropped;
      logger.warn({ dropped_lines: count }, 'log lines dropped: standard output was not read fast enough');
      // Still full: this warning was dropped too (synchronously); report the same count next time.
      dropped = dropped > count ? count : 0;
    }
    destination.flush();
  }, FLUSH_INTERVAL_MS).unref();
  return logger;
}

export function createLogger(options: { level?: string; destination?: pino.DestinationStream; maxBufferedChars?: number } = {}): Logger {
  const settings: pino.LoggerOptions = {
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { pid: process.pid },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return options.destination ? pino(settings, options.destination) : bufferedStdoutLogger(settings, options.maxBufferedChars ?? MAX_BUFFERED_CHARS);
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = pino({ level: 'silent' });
