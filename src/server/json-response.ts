/** JSON answers on plain node:http responses (the fast path has no Express response object). */
import type { ServerResponse } from 'node:http';
import { sourceTextOf } from '../providers/shared/json';

type ExpressLike = ServerResponse & { status(code: number): { json(body: unknown): unknown } };

/**
 * Writes `body` as Express's `res.json` does for our responses: the same bytes (or, for an upstream
 * answer passed on unchanged, the upstream's own text), `Content-Type: application/json;
 * charset=utf-8` and `Content-Length`. An Express response still goes through
 * its own `res.json`, so middleware that wraps it (the contract tests' response validator) sees it.
 */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (typeof (response as Partial<ExpressLike>).status === 'function') {
    (response as ExpressLike).status(status).json(body);
    return;
  }
  // An upstream answer passed on unchanged goes out as it came (see sourceTextOf).
  const text = sourceTextOf(body) ?? JSON.stringify(body);
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(text));
  response.end(text);
}
