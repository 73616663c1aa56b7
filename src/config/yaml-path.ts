/**
 * Locations inside a config document, written the way a platform engineer reads YAML:
 * `endpoints[1].model.provider`. Issues in `ConfigIssue.path` always use this form.
 */
import { isRecord } from '../providers/shared/json';
import { secretLikeKeyLabel } from './secret-like-keys';
import { quoted } from './quoted';

/** A YAML mapping is what js-yaml gives as a plain object, so the JSON object check serves config modules too. */
export { isRecord };

/** One step into the document: a mapping key or a list index. */
export type YamlPathSegment = string | number;

const plainKey = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A longer key is quoted cut (quoted.ts): a path names the place, and a key of thousands of characters would hide it. */
const LONGEST_KEY_SHOWN = 80;

/** `['endpoints', 1, 'model', 'provider']` → `endpoints[1].model.provider`; odd keys are quoted (`config["a.b"]`). */
export function formatYamlPath(segments: readonly YamlPathSegment[]): string {
  return segments.reduce<string>(childPath, '');
}

/** Appends a mapping key or list index to an already formatted path; a key that looks like a secret is shown cut. */
export function childPath(parent: string, segment: YamlPathSegment): string {
  if (typeof segment === 'number') return `${parent}[${segment}]`;
  const secretLike = secretLikeKeyLabel(segment);
  if (secretLike !== null) return `${parent}[${secretLike}]`;
  if (segment.length > LONGEST_KEY_SHOWN) return `${parent}[${quoted(segment)}]`;
  if (!plainKey.test(segment)) return `${parent}[${JSON.stringify(segment)}]`;
  return parent === '' ? segment : `${parent}.${segment}`;
}

/**
 * Splits a JSON Pointer (Ajv's `instancePath`, e.g. `/endpoints/1/model`) into segments, walking
 * `document` so that a number becomes a list index only where the document really has a list
 * (a mapping key may also be spelled `"1"`).
 */
export function segmentsFromPointer(pointer: string, document: unknown): YamlPathSegment[] {
  if (pointer === '') return [];
  const segments: YamlPathSegment[] = [];
  let node: unknown = document;
  for (const escaped of pointer.slice(1).split('/')) {
    const key = escaped.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      segments.push(Number(key));
      node = node[Number(key)];
    } else {
      segments.push(key);
      node = isRecord(node) ? node[key] : undefined;
    }
  }
  return segments;
}

/** The value at `segments` inside `document`, or `undefined` when the path leads nowhere. */
export function valueAt(document: unknown, segments: readonly YamlPathSegment[]): unknown {
  let node: unknown = document;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      node = Array.isArray(node) ? node[segment] : undefined;
    } else {
      node = isRecord(node) ? node[segment] : undefined;
    }
  }
  return node;
}
