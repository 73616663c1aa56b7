/**
 * Converse takes an image's or a document's bytes, which the gateway decodes from the client's base64.
 * Node's decoder skips characters that are not base64, so a data URL percent-encoded on its way (a
 * `+` as `%2B`, a `/` as `%2F`, as encodeURIComponent or a form post leave it) reached the model as
 * other bytes than the client's, with no word. Such data is now a 400 naming the part, before any call.
 */
import { toConverseBlock } from '../../../../src/providers/bedrock/converse/content';
import type { ContentPart } from '../../../../src/schema';
import { gatewayErrorOf } from '../../../support/errors';

/** A 1×1 PNG; its base64 holds a `+` and a `/`. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PERCENT_ENCODED = encodeURIComponent(PNG_BASE64);

test('a percent-encoded image is a 400 naming the part, not bytes the client did not send', () => {
  expect(PERCENT_ENCODED).toContain('%2B');
  const part: ContentPart = {
    type: 'image_url',
    image_url: { url: `data:image/png;base64,${PERCENT_ENCODED}` },
  };
  const error = gatewayErrorOf(() => toConverseBlock(part, 'messages[0].content[1]'));
  expect({ status: error.status, param: error.param, message: error.message }).toEqual({ status: 400, param: 'messages[0].content[1].image_url.url', message: "messages[0].content[1].image_url.url: the data after 'base64,' is not base64 (a data URL percent-encoded on its way has '%' in it)." });
});

test('a percent-encoded document is the same 400, naming file_data', () => {
  const part: ContentPart = {
    type: 'file',
    file: {
      filename: 'receipt.pdf',
      file_data: `data:application/pdf;base64,${encodeURIComponent('JVBERi0xLjcK+/8=')}`,
    },
  };
  const error = gatewayErrorOf(() => toConverseBlock(part, 'messages[0].content[0]'));
  expect(error.param).toBe('messages[0].content[0].file.file_data');
});

test.each([
  ['base64', PNG_BASE64],
  ['base64 wrapped at 76 characters (Python base64.encodebytes, MIME)', PNG_BASE64.replace(/(.{76})/g, '$1\n')],
  ['base64url', PNG_BASE64.replace(/\+/g, '-').replace(/\//g, '_')],
])('%s goes as the PNG bytes', (_name, base64) => {
  const block = toConverseBlock(
    {
      type: 'image_url',
      image_url: { url: `data:image/png;base64,${base64}` },
    },
    'messages[0].content[0]',
  );
  expect(block).toEqual({
    image: {
      format: 'png',
      source: { bytes: new Uint8Array(Buffer.from(PNG_BASE64, 'base64')) },
    },
  });
});

test('an 8 MB image is checked in linear time', () => {
  const large = 'A'.repeat(8 * 1024 * 1024);
  const started = process.cpuUsage();
  toConverseBlock({ type: 'image_url', image_url: { url: `data:image/png;base64,${large}` } }, 'messages[0].content[0]');
  expect(() =>
    toConverseBlock(
      {
        type: 'image_url',
        image_url: { url: `data:image/png;base64,${large}%` },
      },
      'messages[0].content[0]',
    ),
  ).toThrow('is not base64');
  // CPU time, not wall time: a loaded machine stretches the latter. 90-180 ms here, and CI's loaded
  // cores grow even CPU time up to tenfold; a check of 8 MB in more than linear time would take hours.
  const { user, system } = process.cpuUsage(started);
  expect((user + system) / 1000).toBeLessThan(10_000);
});
