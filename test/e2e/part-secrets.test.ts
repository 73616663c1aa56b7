/**
 * Content parts in the audit log and in errors (part-secrets.ts), end to end with `logging.bodies`
 * on: the official openai client sends an image as an S3 presigned URL and another as base64, on
 * `/v1/chat/completions` and `/v1/responses`, to a fake OpenAI on 127.0.0.1. The fake gets both as
 * sent; the audit line's `request_body` holds the URL without its query values and the data as its
 * length, and OpenAI's 400 quoting the URL it could not download (test/fixtures/openai/
 * error-400-image-download.json) reaches neither the log nor the client with the signature or token.
 */
import type { ServerResponse } from 'node:http';
import type OpenAI from 'openai';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { readJsonFixture } from '../support/fixtures';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';
import { captureLog, waitForLogLine, type LogLine } from '../support/log-capture';

type OpenAIError = { error: { message: string } };
const DOWNLOAD_ERROR = readJsonFixture<OpenAIError>('openai', 'error-400-image-download.json');
/** The presigned URL the fixture's message quotes (without the sentence's full stop). */
const PRESIGNED_URL = DOWNLOAD_ERROR.error.message.slice('Error while downloading '.length, -1);
const SIGNATURE = '5d2f4c9b8e7a6f1e0d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLETOKENfortests';
const PRESIGNED_URL_LOGGED =
  'https://photos-eu.s3.eu-west-1.amazonaws.com/receipts/2025-06/receipt-0412.jpg?X-Amz-Algorithm=[redacted]&X-Amz-Credential=[redacted]&X-Amz-Date=[redacted]&X-Amz-Expires=[redacted]&X-Amz-Security-Token=[redacted]&X-Amz-SignedHeaders=[redacted]&X-Amz-Signature=[redacted]';
/** A 1×1 PNG, repeated so that its bytes are easy to tell apart from anything else on a line. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='.repeat(40);
const PNG_DATA_URL = `data:image/png;base64,${PNG_BASE64}`;
const PNG_DATA_URL_LOGGED = `data:image/png;base64,[${PNG_BASE64.length} characters]`;

/** OpenAI: its 400 quoting the presigned URL when a request holds it, else a chat answer. */
function openai(request: RecordedRequest, response: ServerResponse): void {
  if (JSON.stringify(request.body).includes(SIGNATURE)) return sendJson(response, 400, DOWNLOAD_ERROR);
  sendJson(response, 200, readJsonFixture('openai', 'chat.response.json'));
}

const { lines, logger } = captureLog('info');
const setup = useGatewayWithUpstreams({
  upstreams: { openai },
  config: ({ openai: url }) => `
endpoints:
  - name: gpt
    endpoint_type: llm/v1/chat
    model: { provider: openai, name: gpt-4o, config: { openai_api_key: sk-test, openai_api_base: "${url}/v1" } }
    retries: { max_attempts: 1 }
logging: { bodies: true }
`,
  logger,
});

/** The audit line of the next request, from `from` on, after checking that no line holds the signature, the token or the image's bytes. */
async function auditLine(from: number): Promise<LogLine> {
  const line = await waitForLogLine(lines, (entry) => entry.msg === 'request', {
    from,
  });
  for (const text of lines.slice(from)) for (const secret of [SIGNATURE, SESSION_TOKEN, PNG_BASE64.slice(0, 200)]) expect(text).not.toContain(secret);
  return line;
}

const chatMessages = (imageUrl: string): OpenAI.Chat.Completions.ChatCompletionMessageParam[] => [
  { role: 'system', content: 'You read receipts.' },
  {
    role: 'user',
    content: [
      { type: 'text', text: 'What is the total of each receipt?' },
      { type: 'image_url', image_url: { url: imageUrl, detail: 'high' } },
      { type: 'image_url', image_url: { url: PNG_DATA_URL } },
    ],
  },
];

test('chat: OpenAI gets the presigned URL and the image as sent; the logged body has the URL without its query values and the data as its length', async () => {
  const from = lines.length;
  const imageUrl = 'https://cdn.example.com/receipts/0411.jpg?sig=cdn-token-9f8e7d6c';
  const completion = await setup.openai.chat.completions.create({
    model: 'gpt',
    messages: chatMessages(imageUrl),
  });
  expect(completion.choices[0].message.content).not.toBe('');
  expect(setup.upstreams.openai.requests.map((request) => (request.body as { messages: unknown }).messages)).toEqual([chatMessages(imageUrl)]);
  const line = await auditLine(from);
  for (const text of lines.slice(from)) expect(text).not.toContain('cdn-token-9f8e7d6c');
  expect(line.request_body).toEqual({
    model: 'gpt',
    messages: [
      chatMessages(imageUrl)[0],
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is the total of each receipt?' },
          {
            type: 'image_url',
            image_url: {
              url: 'https://cdn.example.com/receipts/0411.jpg?sig=[redacted]',
              detail: 'high',
            },
          },
          { type: 'image_url', image_url: { url: PNG_DATA_URL_LOGGED } },
        ],
      },
    ],
  });
});

test("chat: OpenAI's 400 quoting the presigned URL it could not download reaches the client and the log without the URL's query values", async () => {
  const from = lines.length;
  const failed = setup.openai.chat.completions.create({
    model: 'gpt',
    messages: chatMessages(PRESIGNED_URL),
  });
  const error = (await failed.then(
    () => null,
    (caught: { status: number; message: string }) => caught,
  ))!;
  expect(error.status).toBe(400);
  expect(error.message).not.toContain(SIGNATURE);
  expect(error.message).not.toContain(SESSION_TOKEN);
  expect(error.message).toContain('Error while downloading https://photos-eu.s3.eu-west-1.amazonaws.com/receipts/2025-06/receipt-0412.jpg?X-Amz-Algorithm=');
  expect(setup.upstreams.openai.requests.map((request) => JSON.stringify(request.body).includes(SIGNATURE))).toEqual([true]);
  const line = await auditLine(from);
  expect(line).toMatchObject({
    status: 400,
    error: {
      message: expect.stringContaining('Error while downloading https://photos-eu.s3.eu-west-1.amazonaws.com/'),
    },
  });
  const [, user] = (
    line.request_body as {
      messages: { content: { image_url?: { url: string } }[] }[];
    }
  ).messages;
  expect(user.content.map((part) => part.image_url?.url)).toEqual([undefined, PRESIGNED_URL_LOGGED, PNG_DATA_URL_LOGGED]);
});

test('Responses: input_image and input_file are logged the same way, the file data as its length', async () => {
  const from = lines.length;
  const pdf = `data:application/pdf;base64,${'JVBERi0xLjcKJcfsj6IK'.repeat(30)}`;
  const input = [
    {
      role: 'user',
      content: [
        { type: 'input_text', text: 'Compare the receipt with the invoice.' },
        {
          type: 'input_image',
          image_url: 'https://cdn.example.com/receipts/0411.jpg?sig=cdn-token-9f8e7d6c',
          detail: 'auto',
        },
        { type: 'input_file', filename: 'invoice.pdf', file_data: pdf },
      ],
    },
  ];
  const answer = await setup.openai.responses.create({
    model: 'gpt',
    input,
  } as OpenAI.Responses.ResponseCreateParamsNonStreaming);
  expect(answer.output_text).not.toBe('');
  const line = await auditLine(from);
  for (const text of lines.slice(from)) for (const secret of ['cdn-token-9f8e7d6c', 'JVBERi0xLjcKJcfsj6IKJVBERi0x']) expect(text).not.toContain(secret);
  expect((line.request_body as { input: unknown }).input).toEqual([
    {
      role: 'user',
      content: [
        input[0].content[0],
        {
          type: 'input_image',
          image_url: 'https://cdn.example.com/receipts/0411.jpg?sig=[redacted]',
          detail: 'auto',
        },
        {
          type: 'input_file',
          filename: 'invoice.pdf',
          file_data: `data:application/pdf;base64,[${pdf.length - 'data:application/pdf;base64,'.length} characters]`,
        },
      ],
    },
  ]);
});

test('chat: an image_url given as a bare string (a form some clients send) is refused with a 400 naming the part, and logged without its query values', async () => {
  const from = lines.length;
  const imageUrl = 'https://cdn.example.com/receipts/0411.jpg?sig=cdn-token-9f8e7d6c';
  const messages = [{ role: 'user', content: [{ type: 'text', text: 'What is the total?' }, { type: 'image_url', image_url: imageUrl }] }];
  const response = await fetch(`${setup.gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt', messages }),
  });
  const body = (await response.json()) as { error: { message: string; param: string } };
  expect(response.status).toBe(400);
  expect(body.error.param).toMatch(/^messages\[0\]\.content\[1\]/);
  expect(JSON.stringify(body)).not.toContain('cdn-token-9f8e7d6c');
  expect(setup.upstreams.openai.requests).toEqual([]);
  const line = await auditLine(from);
  for (const text of lines.slice(from)) expect(text).not.toContain('cdn-token-9f8e7d6c');
  expect((line.request_body as { messages: unknown }).messages).toEqual([
    { role: 'user', content: [messages[0].content[0], { type: 'image_url', image_url: 'https://cdn.example.com/receipts/0411.jpg?sig=[redacted]' }] },
  ]);
});
