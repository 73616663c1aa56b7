/** JSON answers on plain node:http responses (the fast path has no Express response object). */
import type { ServerResponse } from 'node:http';

type ExpressLike = ServerResponse & { status(code: number): { json(body: unknown): unknown } };

/**
 * Writes `body` as Express's `res.json` does for our responses: the same bytes, `Content-Type:
 * application/json; charset=utf-8` and `Content-Length`. An Express response still goes through
 * its own `res.json`, so middleware that wraps it (the contract tests' response validator) sees it.
 */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (typeof (response as Partial<ExpressLike>).status === 'function') {
    (response as ExpressLike).status(status).json(body);
    return;
  }
  const text = JSON.stringify(body);
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(text));
  response.end(text);
}
