/** The gateway's structured logger (pino). Secrets never reach it: configs are logged by name only. */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(options: { level?: string } = {}): Logger {
  return pino({ level: options.level ?? process.env.LOG_LEVEL ?? 'info', base: { pid: process.pid } });
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = pino({ level: 'silent' });
