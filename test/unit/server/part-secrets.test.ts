/**
 * Content parts as the audit log shows them (part-secrets.ts): a data URL as its media type and the
 * count of its characters, a link without its query values, whatever case the data URL's scheme is in.
 */
import { partSecretsOf, withoutPartSecrets } from '../../../src/server/part-secrets';

const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='.repeat(20);

test('a data URL whose scheme is in upper case is logged as its media type and length, not as a link with its bytes', () => {
  const parts = [
    { type: 'image_url', image_url: { url: `DATA:image/png;BASE64,${PNG_BASE64}` } },
    { type: 'file', file: { file_data: `Data:application/pdf;base64,${PNG_BASE64}`, filename: 'scan.pdf' } },
    { type: 'image_url', image_url: { url: `DATA:${PNG_BASE64}` } },
  ];
  const body = { messages: [{ role: 'user', content: parts }], input: [{ role: 'user', content: [{ type: 'input_image', image_url: `DATA:image/png;BASE64,${PNG_BASE64}` }] }] };
  expect(withoutPartSecrets(body)).toEqual({
    messages: [
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: `DATA:image/png;BASE64,[${PNG_BASE64.length} characters]` } },
          { type: 'file', file: { file_data: `Data:application/pdf;base64,[${PNG_BASE64.length} characters]`, filename: 'scan.pdf' } },
          { type: 'image_url', image_url: { url: `DATA:[${PNG_BASE64.length} characters]` } },
        ],
      },
    ],
    input: [{ role: 'user', content: [{ type: 'input_image', image_url: `DATA:image/png;BASE64,[${PNG_BASE64.length} characters]` }] }],
  });
  expect(partSecretsOf(body)).toEqual([]);
});

test("a chat image_url given as a bare string (refused by the gateway, but a refused body is logged) is logged as the object form's url is", () => {
  const signed = 'https://cdn.example.com/receipts/0411.jpg?sig=cdn-token-9f8e7d6c&w=800';
  const text = { type: 'text', text: 'What is the total?' };
  const body = { messages: [{ role: 'user', content: [text, { type: 'image_url', image_url: signed }, { type: 'image_url', image_url: `DATA:image/png;base64,${PNG_BASE64}` }] }] };
  expect(withoutPartSecrets(body)).toEqual({
    messages: [
      {
        role: 'user',
        content: [
          text,
          { type: 'image_url', image_url: 'https://cdn.example.com/receipts/0411.jpg?sig=[redacted]&w=[redacted]' },
          { type: 'image_url', image_url: `DATA:image/png;base64,[${PNG_BASE64.length} characters]` },
        ],
      },
    ],
  });
  const plain = { messages: [{ role: 'user', content: [text, { type: 'image_url', image_url: 'https://cdn.example.com/receipts/0411.jpg' }] }] };
  expect(withoutPartSecrets(plain)).toBe(plain);
});
