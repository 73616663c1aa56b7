/**
 * Anthropic takes JPEG, PNG, GIF and WebP images (https://docs.claude.com/en/docs/build-with-claude/vision).
 * An image of another type went to Anthropic, whose 400 names its own block
 * ("messages.36.content.2.image.source.base64.media_type: Input should be 'image/jpeg', 'image/png',
 * 'image/gif' or 'image/webp'", anthropics/claude-code#8184), counted without the system messages the
 * gateway lifts out, so not the client's part. It is now a 400 naming the part before any call.
 */
import type { ChatRequest } from '../../../src/schema';
import { toAnthropicChat } from '../../../src/providers/anthropic';
import { gatewayErrorOf } from '../../support/errors';

const MODEL = 'claude-sonnet-4-5';
/** The start of an iPhone photo's HEIC file (an ISO BMFF `ftyp` box, brand `heic`), as a phone app sends it. */
const HEIC_BASE64 = 'AAAAGGZ0eXBoZWljAAAAAG1pZjFoZWlj';

const photoQuestion = (url: string): ChatRequest =>
  ({
    messages: [
      { role: 'system', content: 'You describe photos for a screen reader.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this photo?' },
          { type: 'image_url', image_url: { url, detail: 'auto' } },
        ],
      },
    ],
  }) as ChatRequest;

test.each([
  ['image/heic', `data:image/heic;base64,${HEIC_BASE64}`],
  ['image/bmp', 'data:image/bmp;base64,Qk06AAAAAAAAADYAAAAoAAAA'],
  ['image/svg+xml', 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4='],
  ['application/pdf', 'data:application/pdf;base64,JVBERi0xLjcK'],
])('an image of type %s is a 400 naming the part and the types Anthropic takes', (mediaType, url) => {
  const error = gatewayErrorOf(() => toAnthropicChat(photoQuestion(url), { model: MODEL }));
  expect({ status: error.status, param: error.param, message: error.message }).toEqual({ status: 400, param: 'messages[1].content[1].image_url.url', message: `messages[1].content[1].image_url.url: Anthropic takes JPEG, PNG, GIF or WebP images (image/jpeg, image/png, image/gif, image/webp), not '${mediaType}'.` });
});

test.each(['image/jpeg', 'image/JPG', 'image/png', 'image/gif', 'image/webp'])('an image of type %s goes as a base64 image block', (mediaType) => {
  const body = toAnthropicChat(photoQuestion(`data:${mediaType};base64,/9j/4AAQSkZJRg==`), { model: MODEL });
  expect((body.messages as { content: unknown }[])[0].content).toEqual([
    { type: 'text', text: 'What is in this photo?' },
    {
      type: 'image',
      source: {
        type: 'base64',
        media_type: mediaType.toLowerCase().replace('jpg', 'jpeg'),
        data: '/9j/4AAQSkZJRg==',
      },
    },
  ]);
});

test('an image URL goes as a URL source whatever its extension: Anthropic fetches it and reads its type', () => {
  const body = toAnthropicChat(photoQuestion('https://example.com/photos/IMG_0412.HEIC'), { model: MODEL });
  expect((body.messages as { content: unknown }[])[0].content).toEqual([
    { type: 'text', text: 'What is in this photo?' },
    {
      type: 'image',
      source: { type: 'url', url: 'https://example.com/photos/IMG_0412.HEIC' },
    },
  ]);
});
