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
