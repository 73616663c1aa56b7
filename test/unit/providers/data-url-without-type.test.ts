/**
 * A data URL may leave out its media type (`data:;base64,...`, `data:,hello`): RFC 2397 then reads it
 * as text/plain;charset=US-ASCII. An image or a file sent so is rarely text (a client that builds the
 * URL from a type it could not guess writes a PNG or a PDF so), and the gateway does not look at the
 * bytes, so Anthropic, Amazon Bedrock and Gemini refuse it with a 400 naming the part and saying the
 * type is missing, where their message said only "must be a base64 data URL" of a URL that was one.
 */
import { toAnthropicChat } from '../../../src/providers/anthropic';
import { toConverseBlock } from '../../../src/providers/bedrock/converse/content';
import { geminiThinkingControl, toGeminiChat } from '../../../src/providers/gemini';
import { dataUrlFault } from '../../../src/providers/shared/media-types';
import type { ChatRequest, ContentPart } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';

/** A 1×1 PNG. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const NO_TYPE = "; this one names no media type (RFC 2397's default, text/plain, is not assumed for an image or a file)";
const NOT_BASE64 = "; this one is not base64 (no ';base64' before the comma)";

const question = (part: ContentPart): ChatRequest => ({ messages: [{ role: 'user', content: [{ type: 'text', text: 'What does this show?' }, part] }] });

/** The status, param and message each provider refuses `part` with. */
function refusals(part: ContentPart) {
  const of = (action: () => unknown) => {
    const error = gatewayErrorOf(action);
    return { status: error.status, param: error.param, message: error.message };
  };
  return {
    anthropic: of(() => toAnthropicChat(question(part), { model: 'claude-sonnet-4-5' })),
    bedrock: of(() => toConverseBlock(part, 'messages[0].content[1]')),
    gemini: of(() => toGeminiChat(question(part), geminiThinkingControl('gemini-2.5-flash'))),
  };
}

test.each([
  ['base64 without a media type', `data:;base64,${PNG_BASE64}`, NO_TYPE],
  ['a charset without a media type', `data:;charset=utf-8;base64,${PNG_BASE64}`, NO_TYPE],
  ['neither a media type nor base64', 'data:,hello', `${NO_TYPE} and is not base64 (no ';base64' before the comma)`],
])('an image as a data URL with %s is a 400 on each provider saying what is missing', (_name, url, fault) => {
  const param = 'messages[0].content[1].image_url.url';
  expect(refusals({ type: 'image_url', image_url: { url } })).toEqual({
    anthropic: { status: 400, param, message: `${param}: Anthropic takes images as http(s) URLs or base64 data URLs (data:image/png;base64,...)${fault}.` },
    bedrock: { status: 400, param, message: `${param}: Amazon Bedrock accepts images only as base64 data URLs (data:image/png;base64,...)${fault}.` },
    gemini: { status: 400, param, message: `'${param}' must be a base64 data URL (data:<mime type>;base64,...), an http(s) URL or a gs:// URI${fault}.` },
  });
});

test.each([
  ['base64 without a media type', 'data:;base64,JVBERi0xLjcKJcfsj6IK', NO_TYPE],
  ['neither a media type nor base64', 'data:,hello', `${NO_TYPE} and is not base64 (no ';base64' before the comma)`],
])('a file as a data URL with %s is a 400 on each provider saying what is missing', (_name, url, fault) => {
  const param = 'messages[0].content[1].file.file_data';
  const refusal = { status: 400, param, message: `${param}: must be a base64 data URL (data:application/pdf;base64,...)${fault}.` };
  expect(refusals({ type: 'file', file: { file_data: url, filename: 'invoice.pdf' } })).toEqual({ anthropic: refusal, bedrock: refusal, gemini: refusal });
});

test('the fault of a data URL names what is wrong with it, and of any URL the providers read nothing', () => {
  expect(dataUrlFault('data:image/svg+xml,%3Csvg%2F%3E')).toBe(NOT_BASE64);
  expect(dataUrlFault('data:image/png')).toBe('; this one has no comma before its data');
  expect(dataUrlFault(`data:image/png;;base64,${PNG_BASE64}`)).toBe('; this one is not of the form data:<type>[;parameter...];base64,<data>');
  expect(dataUrlFault(`DATA:image/png;name=a.png;BASE64,${PNG_BASE64}`)).toBe('');
  expect(dataUrlFault('https://example.com/a.png')).toBe('');
});
