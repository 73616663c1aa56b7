/** What a translated answer must be before it is sent: valid as it is, repaired in its envelope, or refused with a 502. */
import { compilePlan, type CompiledEndpoint } from '../../../src/config/compile';
import { parseConfigText } from '../../../src/config/load';
import { GatewayError } from '../../../src/errors';
import { checkedAnswer, checkedChunk, oneVectorPerInput } from '../../../src/server/answer-check';
import type { EmbeddingsResponse } from '../../../src/schema';

const plan = compilePlan(
  parseConfigText(
    `
endpoints:
  - { name: chat, endpoint_type: llm/v1/chat, model: { provider: mock, name: echo-1 } }
  - { name: embed, endpoint_type: llm/v1/embeddings, model: { provider: mock } }
`,
    'config.yaml',
    { env: {} },
  ),
  'config.yaml',
);
const chat = plan.endpoints.get('chat') as CompiledEndpoint;
const embed = plan.endpoints.get('embed') as CompiledEndpoint;

const validChat = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1_700_000_000,
  model: 'echo-1',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hi', tool_calls: null, refusal: null }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
};
const validChunk = { id: 'c', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'echo-1', choices: [{ index: 0, finish_reason: null, delta: { role: null, content: 'Hi', tool_calls: null } }] };

function refusalOf(check: () => unknown): GatewayError {
  try {
    check();
  } catch (error) {
    return error as GatewayError;
  }
  throw new Error('expected a refusal');
}

describe('checkedAnswer', () => {
  it('returns a valid answer itself (so an answer kept as the provider wrote it still goes out as written)', () => {
    expect(checkedAnswer(chat, validChat)).toBe(validChat);
    const embeddings = { object: 'list', data: [{ object: 'embedding', embedding: [0.1, -0.2], index: 0 }], model: 'e', usage: { prompt_tokens: 2, total_tokens: 2 } };
    expect(checkedAnswer(embed, embeddings)).toBe(embeddings);
  });

  it("repairs the fields that only describe the answer, in a copy: id, created, model and the token counts", () => {
    const { id: _id, created: _created, model: _model, ...rest } = validChat;
    const broken = { ...rest, id: 42, usage: { prompt_tokens: '3', completion_tokens: 1.5, total_tokens: 4 } };
    const before = Math.floor(Date.now() / 1000);
    const repaired = checkedAnswer(chat, broken) as typeof validChat;
    expect(repaired).toEqual({ ...validChat, id: null, created: expect.any(Number), model: 'echo-1', usage: { prompt_tokens: null, completion_tokens: null, total_tokens: 4 } });
    expect(repaired.created).toBeGreaterThanOrEqual(before);
    expect(Number.isInteger(repaired.created)).toBe(true);
    expect(broken.id).toBe(42);
    // A missing usage is all nulls; an embeddings usage has no completion count.
    const { usage: _usage, ...withoutUsage } = validChat;
    expect((checkedAnswer(chat, withoutUsage) as typeof validChat).usage).toEqual({ prompt_tokens: null, completion_tokens: null, total_tokens: null });
    const embeddings = { object: 'list', data: [], model: 'e', usage: 'n/a' };
    expect(checkedAnswer(embed, embeddings)).toEqual({ ...embeddings, usage: { prompt_tokens: null, total_tokens: null } });
  });

  it('refuses anything else with a 502 naming the provider, the endpoint and the field', () => {
    const wrongContent = { ...validChat, choices: [{ ...validChat.choices[0], message: { ...validChat.choices[0].message, content: 5 } }] };
    expect(refusalOf(() => checkedAnswer(chat, wrongContent))).toMatchObject({
      status: 502,
      code: 'upstream_unreadable',
      retryable: false,
      message: `Mock answered endpoint 'chat' with a response of an unexpected shape; the gateway could not translate it (in the translated answer, choices[0].message.content must be a string, an array of objects (type "text", "image_url", "input_audio" or "file") or null).`,
    });
    const badVector = { object: 'list', data: [{ object: 'embedding', embedding: [0.1, 'x'], index: 0 }], model: 'e', usage: { prompt_tokens: 1, total_tokens: 1 } };
    expect(refusalOf(() => checkedAnswer(embed, badVector)).message).toContain('data[0].embedding[1] must be number');
    expect(refusalOf(() => checkedAnswer(chat, 'Hi')).message).toContain('(in the translated answer, the answer must be object)');
  });

  it('takes a number beyond a 64-bit float (a JSON 1e999, read as Infinity, sent on as null) for no number: refused, or repaired in the envelope', () => {
    const infiniteVector = { object: 'list', data: [{ object: 'embedding', embedding: [0.1, Infinity], index: 0 }], model: 'e', usage: { prompt_tokens: 1, total_tokens: 1 } };
    expect(refusalOf(() => checkedAnswer(embed, infiniteVector)).message).toContain('data[0].embedding[1] must be number');
    const repaired = checkedAnswer(chat, { ...validChat, created: -Infinity }) as typeof validChat;
    expect(Number.isInteger(repaired.created)).toBe(true);
  });
});

describe('checkedChunk', () => {
  it('passes a valid chunk, repairs its envelope, and lets a missing usage stay missing', () => {
    expect(checkedChunk(chat, validChunk)).toBe(validChunk);
    expect(checkedChunk(chat, { ...validChunk, model: null, usage: 'none' })).toEqual({ ...validChunk, model: 'echo-1', usage: null });
    expect(checkedChunk(chat, { ...validChunk, usage: { prompt_tokens: 1, completion_tokens: '2', total_tokens: 3 } })).toEqual({
      ...validChunk,
      usage: { prompt_tokens: 1, completion_tokens: null, total_tokens: 3 },
    });
  });

  it("passes usage details as the provider sent them (its own counts too); a repair keeps whole-number details and drops others", () => {
    const details = { prompt_tokens_details: { cached_tokens: 1920, audio_tokens: 0, text_tokens: 86 }, completion_tokens_details: { reasoning_tokens: 192, audio_tokens: null } };
    const withDetails = { ...validChunk, usage: { prompt_tokens: 2006, completion_tokens: 300, total_tokens: 2306, ...details } };
    expect(checkedChunk(chat, withDetails)).toBe(withDetails);
    const broken = { ...validChunk, usage: { prompt_tokens: 2006, completion_tokens: 300.5, total_tokens: 2306, ...details, prompt_tokens_details: { cached_tokens: '1920' } } };
    expect(checkedChunk(chat, broken)).toEqual({ ...validChunk, usage: { prompt_tokens: 2006, completion_tokens: null, total_tokens: 2306, completion_tokens_details: details.completion_tokens_details } });
  });

  it("passes a choice's logprobs as the provider sent them; logprobs the schema does not allow are left out, the text kept", () => {
    const logprobs = { content: [{ token: 'Hi', logprob: -0.01, bytes: [72, 105], top_logprobs: [{ token: 'Hi', logprob: -0.01, bytes: [72, 105] }] }], refusal: null };
    const withLogprobs = { ...validChunk, choices: [{ ...validChunk.choices[0], logprobs }] };
    expect(checkedChunk(chat, withLogprobs)).toBe(withLogprobs);
    const answer = { ...validChat, choices: [{ ...validChat.choices[0], logprobs }, { ...validChat.choices[0], index: 1, logprobs: { content: [{ token: 'Hi', logprob: 'low' }] } }] };
    expect(checkedAnswer(chat, answer)).toEqual({ ...validChat, choices: [validChat.choices[0], { ...validChat.choices[0], index: 1 }] });
    const brokenChunk = { ...validChunk, choices: [{ ...validChunk.choices[0], logprobs: { content: 'Hi' } }] };
    expect(checkedChunk(chat, brokenChunk)).toEqual(validChunk);
  });

  it('refuses a chunk whose content breaks the chunk schema', () => {
    const wrongDelta = { ...validChunk, choices: [{ index: 0, finish_reason: null, delta: { role: null, content: ['x'], tool_calls: null } }] };
    expect(refusalOf(() => checkedChunk(chat, wrongDelta)).message).toContain('choices[0].delta.content must be string or null');
  });
});

describe('oneVectorPerInput', () => {
  const entry = (index: number) => ({ object: 'embedding' as const, embedding: [index], index });
  const answer = (...indexes: number[]): EmbeddingsResponse => ({ object: 'list', data: indexes.map(entry), model: 'e', usage: { prompt_tokens: 2, total_tokens: 2 } });

  it('returns an answer already in input order itself, and one listed in another order sorted by index, in a copy', () => {
    const inOrder = answer(0, 1, 2);
    expect(oneVectorPerInput(embed, inOrder, ['a', 'b', 'c'])).toBe(inOrder);
    const reversed = answer(2, 0, 1);
    expect(oneVectorPerInput(embed, reversed, ['a', 'b', 'c'])).toEqual(answer(0, 1, 2));
    expect(reversed.data.map((item) => item.index)).toEqual([2, 0, 1]);
  });

  it('refuses indexes that do not name each input once', () => {
    expect(refusalOf(() => oneVectorPerInput(embed, answer(1, 1), ['a', 'b'])).message).toContain('two embeddings with index 1');
  });
});

describe("a plugin's answer refused", () => {
  // A plugin's endpoint as compilePlan makes it: not built in, named by the plugin's provider name and displayName.
  const asPlugin = (endpoint: CompiledEndpoint): CompiledEndpoint => ({ ...endpoint, builtIn: false, provider: 'acme-llm', providerDisplayName: 'Acme' });
  const pluginChat = asPlugin(chat);
  const pluginEmbed = asPlugin(embed);
  const completions = asPlugin({ ...chat, endpointType: 'llm/v1/completions' });

  it('names the plugin, the method that gave it and the type it breaks, the field and the rule; not a translation', () => {
    const wrongContent = { ...validChat, choices: [{ ...validChat.choices[0], message: { ...validChat.choices[0].message, content: 5 } }] };
    expect(refusalOf(() => checkedAnswer(pluginChat, wrongContent))).toMatchObject({
      status: 502,
      code: 'upstream_unreadable',
      retryable: false,
      failedPlugin: { endpoint: 'chat', provider: 'acme-llm' },
      message:
        "Provider plugin 'acme-llm' (Acme) of endpoint 'chat': what its chat method returned is not a valid ChatResponse: choices[0].message.content must be a string, an array of objects (type \"text\", \"image_url\", \"input_audio\" or \"file\") or null.",
    });
    expect(refusalOf(() => checkedAnswer(pluginChat, 'Hi')).message).toBe("Provider plugin 'acme-llm' (Acme) of endpoint 'chat': what its chat method returned is not a valid ChatResponse: it must be object.");
    expect(refusalOf(() => checkedAnswer(completions, { ...validChat, object: 'text_completion', choices: [{ index: 0, finish_reason: 'stop' }] })).message).toBe(
      "Provider plugin 'acme-llm' (Acme) of endpoint 'chat': what its completions method returned is not a valid CompletionsResponse: choices[0].text is required.",
    );
  });

  it('says a chunk came from the stream method, and an embeddings answer without one vector per input what came', () => {
    const wrongDelta = { ...validChunk, choices: [{ index: 0, finish_reason: null, delta: { role: null, content: ['x'], tool_calls: null } }] };
    expect(refusalOf(() => checkedChunk(pluginChat, wrongDelta)).message).toBe(
      "Provider plugin 'acme-llm' (Acme) of endpoint 'chat': a chunk its chatStream method yielded is not a valid ChatChunk: choices[0].delta.content must be string or null.",
    );
    const vectors = { object: 'list' as const, data: [0, 1, 2].map((index) => ({ object: 'embedding' as const, embedding: [index], index })), model: 'e', usage: { prompt_tokens: 2, total_tokens: 2 } };
    expect(refusalOf(() => oneVectorPerInput(pluginEmbed, vectors, ['a', 'b'])).message).toBe(
      "Provider plugin 'acme-llm' (Acme) of endpoint 'embed': what its embeddings method returned does not answer the request: 3 embeddings for 2 inputs.",
    );
  });
});
