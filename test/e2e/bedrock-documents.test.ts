/**
 * OpenAI's `file` content parts through Amazon Bedrock Converse, end to end with the official OpenAI
 * client and the real AWS SDK: a base64 PDF becomes a Converse `document` block (bytes, format, a
 * name Converse accepts). https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_DocumentBlock.html
 * An answer that cites the document (citationsContent blocks; `citation` deltas in a stream) gives
 * its whole text, the cited passages in their place, plain and streamed.
 */
import { converseEvents } from '../support/fixture-upstreams';
import { readJsonFixture } from '../support/fixtures';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';

// The `cited` endpoint's model answers with document citations (citationsContent blocks, `citation` stream deltas).
const CITING_MODEL = 'us.anthropic.claude-opus-4-1-20250805-v1:0';

const setup = useGatewayWithFakeBedrock({
  serve: (call) => {
    if (call.modelId !== CITING_MODEL) return { json: readJsonFixture('bedrock', 'converse-chat.response.json') };
    return call.operation === 'converse-stream' ? { events: converseEvents('converse-document-citations.events.json') } : { json: readJsonFixture('bedrock', 'converse-document-citations.response.json') };
  },
  config: (fakeUrl) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
  - name: cited
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: ${CITING_MODEL}, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
`,
  validateResponses: true,
});

test('a PDF file part is a document block with the bytes, the pdf format and the file name without its dot', async () => {
  const pdf = 'JVBERi0xLjQK';
  await setup.openai.chat.completions.create({
    model: 'claude',
    messages: [{ role: 'user', content: [{ type: 'file', file: { file_data: `data:application/pdf;base64,${pdf}`, filename: 'menu.pdf' } }, { type: 'text', text: 'Price of coffee?' }] }],
  });
  // The wire JSON carries the bytes as base64.
  expect(setup.fake.calls[0].body).toMatchObject({
    messages: [{ role: 'user', content: [{ document: { format: 'pdf', name: 'menu', source: { bytes: pdf } } }, { text: 'Price of coffee?' }] }],
  });
});

test('a file type Converse has no format for is a 400 naming the part, and nothing is sent', async () => {
  await expect(
    setup.openai.chat.completions.create({ model: 'claude', messages: [{ role: 'user', content: [{ type: 'file', file: { file_data: 'data:application/zip;base64,UEsDBA==' } }] }] }),
  ).rejects.toMatchObject({ status: 400, param: 'messages[0].content[0].file.file_data' });
  expect(setup.fake.calls).toHaveLength(0);
});

describe("an answer citing the document: the cited text in its place, the document citations left out (as Anthropic's)", () => {
  const question = { model: 'cited', messages: [{ role: 'user' as const, content: 'What drove Q3 revenue?' }] };
  const text = "D'après le rapport, le chiffre d'affaires a progressé de 12 % au troisième trimestre, porté par les ventes en Europe 🇪🇺.";

  test('read whole', async () => {
    const answer = await setup.openai.chat.completions.create(question);
    expect(answer.choices[0].message).toEqual({ role: 'assistant', content: text, tool_calls: null, refusal: null });
    expect(answer.choices[0].finish_reason).toBe('stop');
  });

  test('streamed', async () => {
    const stream = await setup.openai.chat.completions.create({ ...question, stream: true });
    let content = '';
    let finishReason: string | null = null;
    for await (const chunk of stream) {
      content += chunk.choices[0]?.delta.content ?? '';
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
      expect(chunk.choices[0]?.delta).not.toHaveProperty('annotations');
    }
    expect({ content, finishReason }).toEqual({ content: text, finishReason: 'stop' });
  });
});
