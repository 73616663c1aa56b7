/**
 * The W3C trace context reader (https://www.w3.org/TR/trace-context/), on the spec's own examples:
 * a valid version 00 header, the invalid ones the spec names (all-zero ids, version ff, uppercase
 * hex, fields of the wrong length), and a later version, read by its first four fields; the
 * `tracestate` list grammar and its cut by whole members past 512 characters.
 */
import { parseTraceparent, parseTracestate, traceContextOf, traceHeadersOf, tracestateOf, truncateTracestate } from '../../../src/server/trace-context';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';
const VALID = `00-${TRACE_ID}-${PARENT_ID}-01`;

describe('parseTraceparent', () => {
  test.each([
    ['sampled', VALID],
    ['not sampled', `00-${TRACE_ID}-${PARENT_ID}-00`],
    ['flags the version does not define (kept, not read)', `00-${TRACE_ID}-${PARENT_ID}-09`],
  ])('version 00, %s: its ids, the header kept as received', (_name, header) => {
    expect(parseTraceparent(header)).toEqual({ traceId: TRACE_ID, parentId: PARENT_ID, traceparent: header });
  });

  test.each([
    ['all-zero trace-id', `00-00000000000000000000000000000000-${PARENT_ID}-01`],
    ['all-zero parent-id', `00-${TRACE_ID}-0000000000000000-01`],
    ['uppercase trace-id', `00-${TRACE_ID.toUpperCase()}-${PARENT_ID}-01`],
    ['uppercase parent-id', `00-${TRACE_ID}-00F067AA0BA902B7-01`],
    ['uppercase flags', `00-${TRACE_ID}-${PARENT_ID}-0A`],
    ['version ff', `ff-${TRACE_ID}-${PARENT_ID}-01`],
    ['a one-digit version', `0-${TRACE_ID}-${PARENT_ID}-01`],
    ['a trace-id of 31 digits', `00-${TRACE_ID.slice(1)}-${PARENT_ID}-01`],
    ['a trace-id of 33 digits', `00-${TRACE_ID}0-${PARENT_ID}-01`],
    ['a parent-id of 15 digits', `00-${TRACE_ID}-${PARENT_ID.slice(1)}-01`],
    ['a parent-id of 17 digits', `00-${TRACE_ID}-${PARENT_ID}0-01`],
    ['one-digit flags', `00-${TRACE_ID}-${PARENT_ID}-1`],
    ['three-digit flags', `00-${TRACE_ID}-${PARENT_ID}-011`],
    ['a fifth field on version 00', `00-${TRACE_ID}-${PARENT_ID}-01-extra`],
    ['a dash after the flags of version 00', `${VALID}-`],
    ['a letter that is not hex', `00-${TRACE_ID.slice(0, 31)}g-${PARENT_ID}-01`],
    ['another separator', VALID.replace(/-/g, '_')],
    ['two headers joined by node', `${VALID}, 00-${TRACE_ID}-${PARENT_ID}-00`],
    ['an empty header', ''],
  ])('%s: invalid', (_name, header) => {
    expect(parseTraceparent(header)).toBeNull();
  });

  test('a later version is read by its first four fields, the header (its extra fields too) kept as received', () => {
    const header = `cc-${TRACE_ID}-${PARENT_ID}-01-what-the-future-will-be-like`;
    expect(parseTraceparent(header)).toEqual({ traceId: TRACE_ID, parentId: PARENT_ID, traceparent: header });
    expect(parseTraceparent(`01-${TRACE_ID}-${PARENT_ID}-01`)).toEqual({ traceId: TRACE_ID, parentId: PARENT_ID, traceparent: `01-${TRACE_ID}-${PARENT_ID}-01` });
  });

  test.each([
    ['flags not followed by a dash', `cc-${TRACE_ID}-${PARENT_ID}-01x`],
    ['a trace-id not followed by a dash', `cc-${TRACE_ID}x${PARENT_ID}-01`],
    ['shorter than version 00', `cc-${TRACE_ID}-${PARENT_ID}-1`],
    ['an all-zero trace-id', `cc-00000000000000000000000000000000-${PARENT_ID}-01-future`],
    ['a control character in its extra fields', `cc-${TRACE_ID}-${PARENT_ID}-01-a\u0007b`],
  ])('a later version with %s: invalid', (_name, header) => {
    expect(parseTraceparent(header)).toBeNull();
  });

  test('no header, or one node could not join (an array): none', () => {
    expect(parseTraceparent(undefined)).toBeNull();
    expect(parseTraceparent([VALID])).toBeNull();
  });
});

describe('tracestate', () => {
  const SPEC_EXAMPLE = 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE';

  test("the spec's example, and a valid one of exactly 512 characters, pass on as received", () => {
    expect(tracestateOf(SPEC_EXAMPLE)).toBe(SPEC_EXAMPLE);
    const longest = `vendor=${'x'.repeat(256)},other=${'y'.repeat(242)}`;
    expect(longest).toHaveLength(512);
    expect(tracestateOf(longest)).toBe(longest);
  });

  test('whitespace around members, empty members (two headers joined), leading spaces in a value: a valid list, passed on as received', () => {
    for (const header of ['rojo=1 ,\tcongo=2', 'rojo=1, , congo=2', ',rojo=1,', 'rojo= leading space kept', 'rojo=a b c']) {
      expect(tracestateOf(header)).toBe(header);
    }
    expect(parseTracestate('rojo=1 ,\tcongo=2, ,')).toEqual(['rojo=1', 'congo=2']);
    expect(parseTracestate('rojo= x  ')).toEqual(['rojo= x']);
  });

  test.each([
    ['simple keys with every allowed character', 'a0_-*/z=1'],
    ['a multi-tenant key (the spec example)', 'fw529a3039@dt=1'],
    ['a tenant-id starting with a digit', '1tenant@sys=1'],
    ['a key of 256 characters', `${'k'.repeat(256)}=1`],
    ['a value of 256 characters', `rojo=${'v'.repeat(256)}`],
    ['a value with every printable character but , and =', `rojo=${[...Array(95)].map((_, index) => String.fromCharCode(0x20 + index)).filter((c) => c !== ',' && c !== '=').join('').trimStart()}`],
  ])('%s: valid', (_name, header) => {
    expect(parseTracestate(header)).toEqual([header]);
  });

  test.each([
    ['a member without =', 'rojo=1,congo'],
    ['an uppercase key', 'Rojo=1'],
    ['a simple key starting with a digit', '1rojo=1'],
    ['a key with a dot', 'ro.jo=1'],
    ['a space inside the key', 'ro jo=1'],
    ['an empty key', '=1'],
    ['an empty value', 'rojo='],
    ['a value of only spaces', 'rojo=   '],
    ['a value holding =', 'rojo=a=b'],
    ['a value of 257 characters', `rojo=${'v'.repeat(257)}`],
    ['a key of 257 characters', `${'k'.repeat(257)}=1`],
    ['a system-id of 15 characters', `tenant@${'s'.repeat(15)}=1`],
    ['a system-id starting with a digit', 'tenant@1sys=1'],
    ['two @ in the key', 'a@b@c=1'],
    ['a character that is not ASCII', 'rojo=caf\u00e9'],
    ['a tab inside a value', 'rojo=a\tb'],
    ['a key twice', 'rojo=1,congo=2,rojo=3'],
    ['33 members', [...Array(33)].map((_, index) => `k${index}=v`).join(',')],
  ])('%s: not a valid list, not passed on', (_name, header) => {
    expect(parseTracestate(header)).toBeNull();
    expect(tracestateOf(header)).toBeNull();
  });

  test('32 members is the most; empty members do not count', () => {
    const members = [...Array(32)].map((_, index) => `k${index}=v`);
    expect(parseTracestate(members.join(','))).toEqual(members);
    expect(parseTracestate(`${members.join(', ,')},,`)).toEqual(members);
  });

  test('no header, an empty one or one of only empty members: none sent', () => {
    for (const header of [undefined, '', ' ', ' , \t,']) expect(tracestateOf(header)).toBeNull();
  });

  test('over 512 characters: whole members dropped from the end until it fits, never one cut in the middle', () => {
    const members = [...Array(30)].map((_, index) => `vendor${String(index).padStart(2, '0')}=${'x'.repeat(10)}`);
    // 30 members of 19 characters and 29 commas: 599 characters; 25 members make 499, 26 make 519.
    expect(tracestateOf(members.join(','))).toBe(members.slice(0, 25).join(','));
  });

  test('over 512 characters: members over 128 characters are dropped first, from the end, then others from the end', () => {
    const long = (name: string) => `${name}=${'l'.repeat(200)}`;
    const short = (index: number) => `s${index}=${'x'.repeat(40)}`;
    // 3 long (202 each) and 4 short (43 each) with 6 commas: 784. Dropping the last long one leaves 581, the next 378.
    const members = [long('first'), short(1), long('second'), short(2), long('third'), short(3), short(4)];
    expect(truncateTracestate(members)).toEqual([long('first'), short(1), short(2), short(3), short(4)]);
    // Long members all gone and still too long: then from the end.
    const many = [long('only'), ...[...Array(12)].map((_, index) => short(index))];
    expect(truncateTracestate(many)).toEqual([...Array(11)].map((_, index) => short(index)));
  });

  test('the whitespace of a header over 512 characters is not counted when it is cut: it goes without it', () => {
    const members = [`rojo=${'x'.repeat(250)}`, `congo=${'y'.repeat(250)}`];
    const spaced = members.join(' ,   ');
    expect(spaced.length).toBeGreaterThan(512);
    expect(tracestateOf(spaced)).toBe(members.join(','));
  });

  test('one member alone over 512 characters cannot fit: none sent', () => {
    // A value is at most 256 characters, so only many members reach 512; a single oversize one is not a valid list.
    expect(tracestateOf(`vendor=${'x'.repeat(506)}`)).toBeNull();
  });

  test('kept as received beside a valid traceparent only', () => {
    expect(traceContextOf({ traceparent: `00-${TRACE_ID}-0000000000000000-01`, tracestate: 'rojo=1' })).toBeNull();
    expect(traceContextOf({ tracestate: 'rojo=1' })).toBeNull();
    expect(traceContextOf({ traceparent: VALID, tracestate: 'rojo=1' })).toEqual({ traceId: TRACE_ID, parentId: PARENT_ID, traceparent: VALID, tracestate: 'rojo=1' });
  });
});

describe('the headers passed on', () => {
  const trace = (tracestate: string | null) => ({ traceId: TRACE_ID, parentId: PARENT_ID, traceparent: VALID, tracestate });

  test('traceparent, and tracestate when there is one', () => {
    expect(traceHeadersOf(trace(null))).toEqual({ traceparent: VALID });
    expect(traceHeadersOf(trace('rojo=1'))).toEqual({ traceparent: VALID, tracestate: 'rojo=1' });
  });

  test('a tracestate that is not a valid list is dropped alone: the traceparent still goes', () => {
    expect(traceHeadersOf(trace('rojo=1,Congo=2'))).toEqual({ traceparent: VALID });
    expect(traceHeadersOf(trace('rojo=1,rojo=2'))).toEqual({ traceparent: VALID });
  });
});
