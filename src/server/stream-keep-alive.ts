/**
 * Keep-alives of a stream (`server.stream_keepalive`): whenever a stream has sent nothing for that
 * long, one goes out, so that a load balancer or proxy that cuts idle connections (AWS ALB and nginx
 * after 60 s) keeps a stream whose model thinks for minutes before its first token. The first one
 * sends the response headers: from then on a failure is an `error` event (sse.ts), not a status.
 */
import type { ServerResponse } from 'node:http';
import type { Dialect } from './request-preparation';

/**
 * What a keep-alive is: on `/v1` the SSE comment every SSE client skips; on the MLflow routes an
 * empty line, as MLflow's Python clients refuse any line but `data:` and drop blank ones. Both end
 * on an empty line, so a client that splits events at blank lines gets no piece of an event.
 */
const KEEP_ALIVE_TEXT: Readonly<Record<Dialect, string>> = { openai: ': keep-alive\n\n', mlflow: '\n\n' };

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache',
  // Tell nginx-style proxies not to buffer the stream.
  'X-Accel-Buffering': 'no',
};

/**
 * The keep-alive timer of one stream, from the request's start until its end. The stream's writer
 * calls `wrote()` on each write (once per tick at most); the timer is re-armed only when it fires, so
 * a stream that answers in time costs one timer.
 */
export class StreamKeepAlive {
  private lastWriteAt = performance.now();
  private timer: NodeJS.Timeout | null;

  constructor(
    private readonly response: ServerResponse,
    private readonly intervalMs: number,
    private readonly dialect: Dialect,
    /** Headers not known yet when a keep-alive sends them, left out (a FALLBACK route's answering destination). */
    private readonly unsettledHeaders: readonly string[],
  ) {
    this.timer = this.arm(intervalMs);
  }

  wrote(): void {
    this.lastWriteAt = performance.now();
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(delayMs: number): NodeJS.Timeout {
    const timer = setTimeout(this.fire, delayMs);
    // The stream's own work keeps the process up; a forgotten timer must not.
    timer.unref();
    return timer;
  }

  private readonly fire = (): void => {
    const { response } = this;
    if (response.destroyed || response.writableEnded) return this.stop();
    const silentMs = performance.now() - this.lastWriteAt;
    if (silentMs < this.intervalMs) {
      this.timer = this.arm(this.intervalMs - silentMs);
      return;
    }
    // A client that does not read gets nothing more: its buffer is full already.
    if (!response.writableNeedDrain) {
      if (!response.headersSent) {
        for (const name of this.unsettledHeaders) response.removeHeader(name);
        response.writeHead(200, SSE_HEADERS);
      }
      response.write(KEEP_ALIVE_TEXT[this.dialect]);
      this.wrote();
    }
    this.timer = this.arm(this.intervalMs);
  };
}

/** A stream's keep-alive timer, or none when `server.stream_keepalive` is 0. */
export function startKeepAlive(response: ServerResponse, options: { intervalMs: number; dialect: Dialect; unsettledHeaders: readonly string[] }): StreamKeepAlive | null {
  return options.intervalMs > 0 ? new StreamKeepAlive(response, options.intervalMs, options.dialect, options.unsettledHeaders) : null;
}
