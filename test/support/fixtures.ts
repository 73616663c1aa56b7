/** Reads a vendor fixture from test/fixtures/<vendor>/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readFixture(vendor: string, name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', vendor, name), 'utf8');
}

export function readJsonFixture<T = unknown>(vendor: string, name: string): T {
  return JSON.parse(readFixture(vendor, name)) as T;
}
