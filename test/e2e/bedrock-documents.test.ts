/**
 * OpenAI's `file` content parts through Amazon Bedrock Converse, end to end with the official OpenAI
 * client and the real AWS SDK: a base64 PDF becomes a Converse `document` block (bytes, format, a
 * name Converse accepts). https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_DocumentBlock.html
 */
import { readJsonFixture } from '../support/fixtures';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from '../support/gateway-with-fake-bedrock';

const setup = useGatewayWithFakeBedrock({
  serve: () => ({ json: readJsonFixture('bedrock', 'converse-chat.response.json') }),
  config: (fakeUrl) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: us.anthropic.claude-sonnet-4-5-20250929-v1:0, config: { aws_config: ${fakeAwsConfig(fakeUrl)} } }
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
