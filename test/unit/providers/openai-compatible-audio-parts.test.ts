/**
 * OpenAI's `input_audio` content parts on the vendors whose chat bodies are built with OpenAI's
 * mapper (Mistral, Together AI): each gets a part in the shape its own API documents. Sources:
 * test/fixtures/mistral/README.md, test/fixtures/togetherai/README.md.
 */
import { toMistralChat } from '../../../src/providers/mistral';
import { toTogetherAIChat } from '../../../src/providers/togetherai';
import type { ChatRequest, ContentPart } from '../../../src/schema';

const WAV_BASE64 = 'UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=';
const audio: ContentPart = { type: 'input_audio', input_audio: { data: WAV_BASE64, format: 'wav' } };
const question: ContentPart = { type: 'text', text: 'Que dit cet enregistrement ?' };
const asking = (...parts: ContentPart[]): ChatRequest => ({ messages: [{ role: 'system', content: 'Réponds en français.' }, { role: 'user', content: [question, ...parts] }] });

describe('Mistral', () => {
  it('takes an audio part as its own chunk: the base64 data as a string (Voxtral models read the format from the bytes)', () => {
    const body = toMistralChat(asking(audio), { model: 'voxtral-mini-latest' });
    expect(body.messages).toEqual([
      { role: 'system', content: 'Réponds en français.' },
      { role: 'user', content: [question, { type: 'input_audio', input_audio: WAV_BASE64 }] },
    ]);
  });

  it('leaves the other parts and string content as they are', () => {
    const image: ContentPart = { type: 'image_url', image_url: { url: 'https://example.com/cafe.png' } };
    expect(toMistralChat(asking(image), { model: 'pixtral-large-latest' }).messages).toEqual(asking(image).messages);
  });
});

describe('Together AI', () => {
  it('gets an audio part as sent: its chat API takes OpenAI’s input_audio shape', () => {
    expect(toTogetherAIChat(asking(audio), { model: 'Qwen/Qwen2-Audio-7B-Instruct' }).messages).toEqual(asking(audio).messages);
  });
});
