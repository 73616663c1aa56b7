/** Reads a vendor fixture from test/fixtures/<vendor>/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The raw bytes, as a stream fixture is sent on the wire. */
export function readFixtureBytes(vendor: string, name: string): Buffer {
  return readFileSync(join(__dirname, '..', 'fixtures', vendor, name));
}

export function readFixture(vendor: string, name: string): string {
  return readFixtureBytes(vendor, name).toString('utf8');
}

export function readJsonFixture<T = unknown>(vendor: string, name: string): T {
  return JSON.parse(readFixture(vendor, name)) as T;
}

/**
 * A stream fixture's bytes with the last occurrence of `from` replaced by `to` (which must occur):
 * the wire as the vendor might send it with a field it adds later.
 */
export function readFixtureBytesWithLast(vendor: string, name: string, from: string, to: string): Buffer {
  const text = readFixture(vendor, name);
  const at = text.lastIndexOf(from);
  if (at < 0) throw new Error(`${vendor}/${name} has no ${from}`);
  return Buffer.from(text.slice(0, at) + to + text.slice(at + from.length));
}

/** The test-only self-signed certificate for 127.0.0.1 (test/fixtures/tls/README.md). */
export const TEST_CERTIFICATE_PATH = join(__dirname, '..', 'fixtures', 'tls', 'localhost.cert.pem');

/** Its key and certificate, for HTTPS fake upstreams (`startFakeUpstream(handler, { tls })`). */
export const TEST_TLS = { key: readFixtureBytes('tls', 'localhost.key.pem'), cert: readFileSync(TEST_CERTIFICATE_PATH) };
