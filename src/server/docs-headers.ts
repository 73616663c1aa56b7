/**
 * Security headers of `/docs` (Swagger UI) and its assets. The page has an Authorize dialog where
 * users paste their client key, so no other site may frame it (clickjacking): `frame-ancestors
 * 'none'`, and `X-Frame-Options: DENY` for browsers that predate CSP's frame-ancestors.
 *
 * The policy is what swagger-ui-express 5 needs and no more: every script is a file of the page's
 * own origin (its init code is `swagger-ui-init.js`, not inline), so scripts need only 'self' and
 * no inline script or eval can run. Styles also allow 'unsafe-inline': the page has two `<style>`
 * blocks and a `style` attribute, and Swagger UI writes style attributes as it renders (hashes
 * cannot allow attributes). Inline styles cannot run code, and the page shows only the gateway's
 * own spec. Images: its stylesheet's icons are `data:` URLs, and a binary answer to "Try it out" is
 * shown from a `blob:` URL. "Try it out" calls the gateway itself ('self').
 */
import type { RequestHandler } from 'express';

export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const docsSecurityHeaders: RequestHandler = (_request, response, next) => {
  response.setHeader('Content-Security-Policy', DOCS_CONTENT_SECURITY_POLICY);
  response.setHeader('X-Frame-Options', 'DENY');
  // The assets are served with their types; a browser must not guess another (a script from a JSON answer).
  response.setHeader('X-Content-Type-Options', 'nosniff');
  next();
};
