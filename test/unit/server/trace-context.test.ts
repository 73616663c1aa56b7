/**
 * The W3C trace context reader (https://www.w3.org/TR/trace-context/), on the spec's own examples:
 * a valid version 00 header, the invalid ones the spec names (all-zero ids, version ff, uppercase
 * hex, fields of the wrong length), and a later version, read by its first four fields.
 */
import { parseTraceparent, traceContextOf, traceHeadersOf, tracestateOf } from '../../../src/server/trace-context';

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
  test("the spec's example, and one of exactly 512 characters, pass on as received", () => {
    expect(tracestateOf('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE')).toBe('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE');
    const longest = `vendor=${'x'.repeat(505)}`;
    expect(longest).toHaveLength(512);
    expect(tracestateOf(longest)).toBe(longest);
  });

  test('longer than 512 characters, with a character that is not printable ASCII, or empty: not passed on', () => {
    expect(tracestateOf(`vendor=${'x'.repeat(506)}`)).toBeNull();
    expect(tracestateOf('rojo=caf\u00e9')).toBeNull();
    expect(tracestateOf('')).toBeNull();
    expect(tracestateOf(undefined)).toBeNull();
  });

  test('read only beside a valid traceparent', () => {
    expect(traceContextOf({ traceparent: `00-${TRACE_ID}-0000000000000000-01`, tracestate: 'rojo=1' })).toBeNull();
    expect(traceContextOf({ tracestate: 'rojo=1' })).toBeNull();
    expect(traceContextOf({ traceparent: VALID, tracestate: 'rojo=1' })).toEqual({ traceId: TRACE_ID, parentId: PARENT_ID, traceparent: VALID, tracestate: 'rojo=1' });
  });
});

test('the headers passed on: traceparent, and tracestate when there is one', () => {
  expect(traceHeadersOf({ traceId: TRACE_ID, parentId: PARENT_ID, traceparent: VALID, tracestate: null })).toEqual({ traceparent: VALID });
  expect(traceHeadersOf({ traceId: TRACE_ID, parentId: PARENT_ID, traceparent: VALID, tracestate: 'rojo=1' })).toEqual({ traceparent: VALID, tracestate: 'rojo=1' });
});
