/**
 * RFC 2397 allows parameters between a data URL's media type and `;base64`
 * (`data:image/png;name=chart.png;base64,...`, `data:image/jpeg;charset=utf-8;base64,...`), and some
 * clients send them (vllm-project/vllm#48973, majiayu000/litellm-rs#398). Gemini read them through
 * the shared parser, while Anthropic and Bedrock, with patterns of their own, refused such an image
 * (Bedrock's message saying "not links" of a data URL). Every provider now reads data URLs through
 * base64DataUrl (../shared/media-types.ts), parameters ignored. The scheme and `;base64` are read in
 * any case (a URL's scheme is case-insensitive, RFC 3986 §3.1, and the Fetch standard reads `;base64`
 * so): `DATA:image/png;BASE64,...` was a 400 on all three, "not a data URL".
 */
import { toAnthropicChat } from '../../../src/providers/anthropic';
import { toConverseBlock } from '../../../src/providers/bedrock/converse/content';
import { geminiThinkingControl, toGeminiChat } from '../../../src/providers/gemini';
import type { ChatRequest } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';

/** A 1×1 PNG. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const NAMED_PNG = `data:image/png;name=q3-revenue-chart.png;base64,${PNG_BASE64}`;
const CHARSET_PNG = `data:image/png;charset=utf-8;base64,${PNG_BASE64}`;
const WITH_PARAMETERS = [
  ['a file name', NAMED_PNG],
  ['a charset', CHARSET_PNG],
  ['its scheme and base64 in upper case', `DATA:image/png;BASE64,${PNG_BASE64}`],
  ['its scheme, type and base64 in mixed case and a parameter', `Data:Image/PNG;Name=chart.png;Base64,${PNG_BASE64}`],
];

/** A spreadsheet assistant's question about a chart the user pasted, its file name in the data URL. */
const chartQuestion = (url: string): ChatRequest => ({
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Which quarter does this chart show the highest revenue in?' },
        { type: 'image_url', image_url: { url } },
      ],
    },
  ],
});

test.each(WITH_PARAMETERS)('Anthropic gets a PNG data URL with %s as a PNG image block', (_name, url) => {
  const body = toAnthropicChat(chartQuestion(url), { model: 'claude-sonnet-4-5' });
  expect((body.messages as { content: unknown[] }[])[0].content[1]).toEqual({ type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } });
});

test.each(WITH_PARAMETERS)('Amazon Bedrock gets a PNG data URL with %s as a PNG image block', (_name, url) => {
  expect(toConverseBlock({ type: 'image_url', image_url: { url } }, 'messages[0].content[1]')).toEqual({
    image: { format: 'png', source: { bytes: new Uint8Array(Buffer.from(PNG_BASE64, 'base64')) } },
  });
});

test.each(WITH_PARAMETERS)('Gemini gets a PNG data URL with %s as inline PNG data', (_name, url) => {
  const body = toGeminiChat(chartQuestion(url), geminiThinkingControl('gemini-2.5-flash'));
  expect(body.contents[0].parts[1]).toEqual({ inlineData: { mimeType: 'image/png', data: PNG_BASE64 } });
});

test.each([
  ['a data URL that is not base64', 'data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E', "; this one is not base64 (no ';base64' before the comma)"],
  ['a data URL without a media type', `data:;base64,${PNG_BASE64}`, "; this one names no media type (RFC 2397's default, text/plain, is not assumed for an image or a file)"],
  ['a link', 'https://charts.example.com/q3.png', ', not links'],
])('Amazon Bedrock refuses %s with a 400 saying what it takes', (_name, url, why) => {
  const error = gatewayErrorOf(() => toConverseBlock({ type: 'image_url', image_url: { url } }, 'messages[0].content[1]'));
  expect({ status: error.status, param: error.param, message: error.message }).toEqual({
    status: 400,
    param: 'messages[0].content[1].image_url.url',
    message: `messages[0].content[1].image_url.url: Amazon Bedrock accepts images only as base64 data URLs (data:image/png;base64,...)${why}.`,
  });
});

test('a PDF file part whose data URL is written in upper case is read as a PDF by Anthropic, Bedrock and Gemini', () => {
  const pdf = 'JVBERi0xLjcKJcfsj6IK';
  const part = { type: 'file' as const, file: { file_data: `DATA:APPLICATION/PDF;BASE64,${pdf}`, filename: 'invoice.pdf' } };
  const request: ChatRequest = { messages: [{ role: 'user', content: [{ type: 'text', text: 'What is the total?' }, part] }] };
  const anthropic = toAnthropicChat(request, { model: 'claude-sonnet-4-5' });
  expect((anthropic.messages as { content: unknown[] }[])[0].content[1]).toEqual({ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: pdf }, title: 'invoice.pdf' });
  expect(toConverseBlock(part, 'messages[0].content[1]')).toMatchObject({ document: { format: 'pdf' } });
  expect(toGeminiChat(request, geminiThinkingControl('gemini-2.5-flash')).contents[0].parts[1]).toEqual({ inlineData: { mimeType: 'application/pdf', data: pdf } });
});
