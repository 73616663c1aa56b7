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

function directAuditWriter(logger: Logger, destination: pino.DestinationStream): AuditWriter {
  const head = `{"level":${pino.levels.values.info},"time":`;
  const pid = `,"pid":${process.pid}`;
  return (fields, message) => {
    if (!logger.isLevelEnabled('info')) return;
    const text = JSON.stringify(fields);
    const rest = text === '{}' ? '' : `,${text.slice(1, -1)}`;
    destination.write(`${head}${Date.now()}${pid}${rest},"msg":${JSON.stringify(message)}}\n`);
  };
}

/** The longest an audit line waits in the buffer before it is written. */
const FLUSH_INTERVAL_MS = 100;

/**
 * The most text held while standard output is not read (a stalled log collector): beyond it lines
 * are dropped, counted, and reported once output moves again, instead of memory growing without bound.
 */
const MAX_BUFFERED_CHARS = 4 * 1024 * 1024;

/**
 * Standard output; audit lines are written in batches of about 12 KB, at most FLUSH_INTERVAL_MS late; pino
 * flushes what is left when the process exits. One write per line cost ~5 µs of CPU per request
 * under load (the audit log writes a line for every request), and woke the reader each time.
 */
function bufferedStdoutLogger(settings: pino.LoggerOptions, maxBufferedChars: number): Logger {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 12 * 1024, maxLength: maxBufferedChars });
  // Only the per-request audit lines wait for a batch; anything else (start-up, reloads, warnings,
  // errors) is rare and is written at once, with whatever audit lines are waiting before it.
  const hooks: pino.LoggerOptions['hooks'] = {
    logMethod(args, method) {
      method.apply(this, args);
      if (!AUDIT_MESSAGES.has(args[1] as string)) destination.flush();
    },
  };
  const logger = pino({ ...settings, hooks }, destination);
  auditWriters.set(logger, directAuditWriter(logger, destination));
  let dropped = 0;
  destination.on('drop', () => {
    dropped += 1;
  });
  setInterval(() => {
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
