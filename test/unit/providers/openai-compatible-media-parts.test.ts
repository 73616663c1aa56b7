/**
 * OpenAI's `input_audio` and `file` content parts on the vendors whose chat bodies are built with
 * OpenAI's mapper (Mistral, Together AI, TGI's Messages API): each gets a part in the shape its own
 * API documents, or a 400 naming the part before any call. Sources: test/fixtures/mistral/README.md,
 * test/fixtures/togetherai/README.md, test/fixtures/huggingface-text-generation-inference/README.md.
 */
import { toMistralChat } from '../../../src/providers/mistral';
import { toTogetherAIChat } from '../../../src/providers/togetherai';
import { toTgiChat } from '../../../src/providers/huggingface-text-generation-inference';
import type { ChatRequest, ContentPart } from '../../../src/schema';
import { gatewayErrorOf } from '../../support/errors';

const WAV_BASE64 = 'UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=';
const audio: ContentPart = { type: 'input_audio', input_audio: { data: WAV_BASE64, format: 'wav' } };
const file: ContentPart = { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0xLjQK', filename: 'menu.pdf' } };
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

  it('takes an audio part as its own chunk in assistant and tool messages too (their content is chunks there as well), thinking kept before it', () => {
    const call = { id: 'D681PevKs', type: 'function' as const, function: { name: 'record', arguments: '{}' } };
    const request: ChatRequest = {
      reasoning_effort: 'medium',
      messages: [
        { role: 'user', content: [question] },
        { role: 'assistant', content: [audio], reasoning_content: 'Je réponds en audio.' },
        { role: 'user', content: 'Enregistre-le.' },
        { role: 'assistant', content: null, tool_calls: [call] },
        { role: 'tool', tool_call_id: 'D681PevKs', content: [audio] },
      ],
    };
    const mistralAudio = { type: 'input_audio', input_audio: WAV_BASE64 };
    const messages = toMistralChat(request, { model: 'voxtral-small-latest' }).messages as { content: unknown }[];
    expect([messages[1].content, messages[4].content]).toEqual([[{ type: 'thinking', thinking: [{ type: 'text', text: 'Je réponds en audio.' }] }, mistralAudio], [mistralAudio]]);
  });

  it('leaves the other parts and string content as they are', () => {
    const image: ContentPart = { type: 'image_url', image_url: { url: 'https://example.com/cafe.png' } };
    expect(toMistralChat(asking(image), { model: 'pixtral-large-latest' }).messages).toEqual(asking(image).messages);
  });
});

describe('Mistral documents', () => {
  it('takes a PDF file part as its document_url chunk: the data URL as sent, the file name as document_name', () => {
    expect(toMistralChat(asking(file), { model: 'mistral-small-latest' }).messages).toEqual([
      { role: 'system', content: 'Réponds en français.' },
      { role: 'user', content: [question, { type: 'document_url', document_url: 'data:application/pdf;base64,JVBERi0xLjQK', document_name: 'menu.pdf' }] },
    ]);
    const unnamed: ContentPart = { type: 'file', file: { file_data: 'data:Application/PDF;base64,JVBERi0xLjQK' } };
    expect((toMistralChat(asking(unnamed), { model: 'mistral-small-latest' }).messages as { content: unknown }[])[1].content).toEqual([
      question,
      { type: 'document_url', document_url: 'data:Application/PDF;base64,JVBERi0xLjQK' },
    ]);
  });

  it('refuses a file id with a 400 naming it: Mistral cannot read OpenAI’s files', () => {
    const byId: ContentPart = { type: 'file', file: { file_id: 'file-6F2ksmvXxt4VdoqmHRw6kL' } };
    expect(gatewayErrorOf(() => toMistralChat(asking(byId), { model: 'mistral-small-latest' }))).toMatchObject({ status: 400, param: 'messages[1].content[1].file.file_id' });
  });

  it('refuses a file of another type than PDF with a 400 naming the part', () => {
    const text: ContentPart = { type: 'file', file: { file_data: 'data:text/plain;base64,Qm9uam91cg==', filename: 'note.txt' } };
    expect(gatewayErrorOf(() => toMistralChat(asking(text), { model: 'mistral-small-latest' }))).toMatchObject({
      status: 400,
      param: 'messages[1].content[1]',
      message: "messages[1].content[1]: Mistral takes PDF files only (as a document_url chunk), not 'text/plain'.",
    });
  });
});

describe('Together AI', () => {
  it('refuses a file part with a 400 naming it: its chat API has no document part', () => {
    expect(gatewayErrorOf(() => toTogetherAIChat(asking(file), { model: 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8' }))).toMatchObject({
      status: 400,
      param: 'messages[1].content[1]',
      message: "messages[1].content[1]: TogetherAI takes text, image_url, video_url, audio_url and input_audio parts, not 'file'.",
    });
  });

  it('gets an audio part as sent: its chat API takes OpenAI’s input_audio shape', () => {
    expect(toTogetherAIChat(asking(audio), { model: 'Qwen/Qwen2-Audio-7B-Instruct' }).messages).toEqual(asking(audio).messages);
  });
});

describe('Hugging Face TGI', () => {
  it.each([
    ['input_audio', audio],
    ['file', file],
  ])('refuses a %s part with a 400 naming it: the Messages API takes text and image_url parts only', (type, part) => {
    expect(gatewayErrorOf(() => toTgiChat(asking(part)))).toMatchObject({
      status: 400,
      param: 'messages[1].content[1]',
      message: `messages[1].content[1]: Hugging Face Text Generation Inference takes only text and image_url parts (its Messages API's MessageChunk), not '${type}'.`,
    });
  });

  it('still sends text and image parts as they are', () => {
    const image: ContentPart = { type: 'image_url', image_url: { url: 'https://example.com/cafe.png' } };
    expect(toTgiChat(asking(image)).messages).toEqual(asking(image).messages);
  });
});
