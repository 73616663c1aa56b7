/**
 * A turn Anthropic pauses (`pause_turn`, a long run of web searches) continued by the gateway
 * (pause-turn.ts): the paused content sent back as it came, the answers joined, streamed or not, on
 * test/fixtures/anthropic chat-web-search-pause-turn then chat-web-search-continued.
 */
import { createAnthropicChatStream, fromAnthropicChat } from '../../../src/providers/anthropic';
import { answerContinuingPausedTurn, asSentBack, createStreamedContent, eventsContinuingPausedTurn, MAX_PAUSE_CONTINUATIONS, mayPauseTurn } from '../../../src/providers/anthropic/pause-turn';
import type { SseEvent } from '../../../src/providers/transport/sse';
import type { ChatChunk } from '../../../src/schema';
import { readFixtureBytes, readJsonFixture } from '../../support/fixtures';
import { replay, replayEverySplit, replayOutcome, sse, chunksOf } from '../../support/stream-replay';

const now = () => 1_700_000_000;
const PAUSED = readJsonFixture<{ content: unknown[] }>('anthropic', 'chat-web-search-pause-turn.response.json');
const BLANK_FIRST = readJsonFixture<{ content: unknown[] }>('anthropic', 'chat-web-search-pause-turn-blank-text.response.json');
const CONTINUED = readJsonFixture('anthropic', 'chat-web-search-continued.response.json');
const pausedWire = readFixtureBytes('anthropic', 'chat-web-search-pause-turn.stream.sse');
const continuedWire = readFixtureBytes('anthropic', 'chat-web-search-continued.stream.sse');

const PAUSED_TEXT = "Je cherche les cafés ouverts à Paris cette semaine. La recherche est saturée ; j'essaie encore.";
const LEAD = '\n\nD’après Time Out 🗞️, ';
const CITED = 'trois nouveaux cafés ont ouvert près du canal Saint-Martin ☕.';
const codePoints = (text: string) => [...text].length;
const ANNOTATION = {
  type: 'url_citation',
  url_citation: {
    url: 'https://www.timeout.fr/paris/restaurants/nouveaux-cafes-paris',
    title: 'Les nouveaux cafés à Paris',
    start_index: codePoints(PAUSED_TEXT + LEAD),
    end_index: codePoints(PAUSED_TEXT + LEAD + CITED),
  },
};
// 4210 + 4790 prompt tokens (the continuation sends the conversation again, with the paused content), 112 + 86 completion tokens, 1 + 0 searches.
const BOTH_CALLS = { prompt_tokens: 9000, completion_tokens: 198, total_tokens: 9198, prompt_tokens_details: { cached_tokens: 0, cache_creation_tokens: 0 }, server_tool_use: { web_search_requests: 1 } };

const request = { model: 'claude-sonnet-4-5', max_tokens: 8192, messages: [{ role: 'user', content: 'Quels cafés ont ouvert à Paris ?' }], tools: [{ type: 'web_search_20250305', name: 'web_search' }] };

describe('not streamed', () => {
  it('sends the paused content back after the conversation, once, and joins the two answers', async () => {
    const sent: unknown[] = [];
    const answers = [PAUSED, CONTINUED];
    const answer = await answerContinuingPausedTurn(request, async (body) => {
      sent.push(body);
      return answers[sent.length - 1];
    });
    expect(sent).toEqual([request, { ...request, messages: [...request.messages, { role: 'assistant', content: PAUSED.content }] }]);
    const response = fromAnthropicChat(answer, { now });
    expect(response.id).toBe('msg_01Rw3NbXe8YtLq5VmPz9KcHs');
    expect(response.choices).toEqual([
      { index: 0, message: { role: 'assistant', content: PAUSED_TEXT + LEAD + CITED, tool_calls: null, refusal: null, annotations: [ANNOTATION] }, finish_reason: 'stop' },
    ]);
    expect(response.usage).toEqual(BOTH_CALLS);
  });

  it(`a turn still paused after ${MAX_PAUSE_CONTINUATIONS} continuations ends with the text so far, each continuation sending all the paused content`, async () => {
    const sent: { messages: { role: string; content: unknown }[] }[] = [];
    const answer = await answerContinuingPausedTurn(request, async (body) => {
      sent.push(body as (typeof sent)[number]);
      return PAUSED;
    });
    expect(sent).toHaveLength(1 + MAX_PAUSE_CONTINUATIONS);
    expect(sent.map((body) => body.messages.length)).toEqual([1, 2, 2, 2]);
    expect(sent[3].messages[1]).toEqual({ role: 'assistant', content: [...PAUSED.content, ...PAUSED.content, ...PAUSED.content] });
    const response = fromAnthropicChat(answer, { now });
    expect(response.choices[0]).toMatchObject({ message: { content: PAUSED_TEXT.repeat(4) }, finish_reason: 'stop' });
    expect(response.usage).toMatchObject({ prompt_tokens: 4 * 4210, completion_tokens: 4 * 112 });
  });

  it('a failed continuation fails the answer', async () => {
    const failure = new Error('overloaded');
    let calls = 0;
    const answering = answerContinuingPausedTurn(request, async () => {
      calls += 1;
      if (calls === 2) throw failure;
      return PAUSED;
    });
    await expect(answering).rejects.toBe(failure);
  });
});

async function eventsOf(wire: Buffer): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of sse(chunksOf([wire]))) events.push(event);
  return events;
}

describe('streamed', () => {
  it("the paused stream's content blocks, rebuilt, are the paused answer's", async () => {
    const content = createStreamedContent();
    for (const event of await eventsOf(pausedWire)) content.event(event);
    expect(content.paused).toBe(true);
    expect(content.blocks()).toEqual(PAUSED.content);
  });

  it('a stream cut after its pause_turn but before message_stop is not continued: it was cut off', async () => {
    const cut = Buffer.from(pausedWire.toString('utf8').replace('event: message_stop\ndata: {"type":"message_stop"}\n\n', ''));
    const content = createStreamedContent();
    for (const event of await eventsOf(cut)) content.event(event);
    expect(content.paused).toBe(false);
    const { error } = await replayOutcome([cut], createAnthropicChatStream({ endpoint: 'claude', now }));
    expect(error).toMatchObject({ status: 502, message: 'Anthropic ended the stream before it was complete (no message_stop).' });
  });

  it("the continuation's events follow the paused ones; its request carries the rebuilt paused content", async () => {
    const sent: unknown[] = [];
    const wires = [pausedWire, continuedWire];
    const events: SseEvent[] = [];
    for await (const event of eventsContinuingPausedTurn(request, (body) => {
      sent.push(body);
      return sse(chunksOf([wires[sent.length - 1]]));
    })) {
      events.push(event);
    }
    expect(sent).toEqual([request, { ...request, messages: [...request.messages, { role: 'assistant', content: PAUSED.content }] }]);
    expect(events).toEqual([...(await eventsOf(pausedWire)), ...(await eventsOf(continuedWire))]);
  });

  it('the fold carries one answer across both messages, at every split: one role, the text joined, the citation placed after the earlier text, one finish with both usages', async () => {
    const chunks = await replayEverySplit(Buffer.concat([pausedWire, continuedWire]), () => createAnthropicChatStream({ endpoint: 'claude', now }));
    expect(chunks.filter((chunk) => chunk.choices[0].delta.role !== null)).toHaveLength(1);
    expect(new Set(chunks.map((chunk) => chunk.id))).toEqual(new Set(['msg_01Rw3NbXe8YtLq5VmPz9KcHs']));
    expect(chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('')).toBe(PAUSED_TEXT + LEAD + CITED);
    expect(chunks.flatMap((chunk) => (chunk.choices[0].delta as { annotations?: unknown[] }).annotations ?? [])).toEqual([ANNOTATION]);
    expect(chunks.filter((chunk) => chunk.choices[0].finish_reason !== null).map((chunk) => [chunk.choices[0].finish_reason, chunk.usage])).toEqual([['stop', BOTH_CALLS]]);
    expect(chunks[chunks.length - 1].usage).toEqual(BOTH_CALLS);
  });

  it('a paused stream that is not continued ends with the text so far and its finish', async () => {
    const chunks = await replay([pausedWire], createAnthropicChatStream({ endpoint: 'claude', now }));
    expect(chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('')).toBe(PAUSED_TEXT);
    expect(chunks[chunks.length - 1]).toMatchObject({ choices: [{ finish_reason: 'stop' }], usage: { prompt_tokens: 4210, completion_tokens: 112 } });
  });

  it('tool calls and thinking blocks are numbered on across the messages', async () => {
    const wire = (events: unknown[]) => Buffer.from(events.map((event) => `event: ${(event as { type: string }).type}\ndata: ${JSON.stringify(event)}\n\n`).join(''));
    const message = (id: string, stopReason: string, blocks: unknown[]) => [
      { type: 'message_start', message: { id, type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', content: [], usage: { input_tokens: 10, output_tokens: 1 } } },
      ...blocks.flatMap((block, index) => [
        { type: 'content_block_start', index, content_block: block },
        { type: 'content_block_stop', index },
      ]),
      { type: 'message_delta', delta: { stop_reason: stopReason }, usage: { output_tokens: 5 } },
      { type: 'message_stop' },
    ];
    const thinking = { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix/LafPsn4a' };
    const call = (id: string) => ({ type: 'tool_use', id, name: 'get_weather', input: {} });
    const { chunks, error } = await replayOutcome(
      [wire([...message('msg_1', 'pause_turn', [thinking, call('toolu_1')]), ...message('msg_2', 'tool_use', [thinking, call('toolu_2')])])],
      createAnthropicChatStream({ endpoint: 'claude', now }),
    );
    expect(error).toBeNull();
    const deltas = chunks.map((chunk: ChatChunk) => chunk.choices[0].delta);
    expect(deltas.flatMap((delta) => (delta.tool_calls ?? []).filter((call) => call.id !== null).map((call) => [call.index, call.id]))).toEqual([
      [0, 'toolu_1'],
      [1, 'toolu_2'],
    ]);
    expect(deltas.flatMap((delta) => ((delta as { thinking_blocks?: { index: number }[] }).thinking_blocks ?? []).map((block) => block.index))).toEqual([0, 1]);
    expect(chunks[chunks.length - 1]).toMatchObject({ choices: [{ finish_reason: 'tool_calls' }], usage: { prompt_tokens: 20, completion_tokens: 10 } });
  });
});

describe('web searches over a continued turn', () => {
  /** The continuation as if it had searched twice more. */
  const searchedContinuation = { ...(CONTINUED as Record<string, unknown>), usage: { ...(CONTINUED as { usage: object }).usage, server_tool_use: { web_search_requests: 2 } } };
  const searchedContinuationWire = Buffer.from(continuedWire.toString('utf8').replace('"web_search_requests":0', '"web_search_requests":2'));
  const bounded = (maxUses: number) => ({ ...request, tools: [{ name: 'get_weather', input_schema: { type: 'object' } }, { type: 'web_search_20250305', name: 'web_search', max_uses: maxUses }] });

  it("the usage's searches are added up over the calls, streamed or not", async () => {
    const answers = [PAUSED, searchedContinuation];
    let call = 0;
    const answer = await answerContinuingPausedTurn(request, async () => answers[call++]);
    expect(fromAnthropicChat(answer, { now }).usage.server_tool_use).toEqual({ web_search_requests: 3 });
    const chunks = await replayEverySplit(Buffer.concat([pausedWire, searchedContinuationWire]), () => createAnthropicChatStream({ endpoint: 'claude', now }));
    expect(chunks[chunks.length - 1].usage).toEqual({ ...BOTH_CALLS, server_tool_use: { web_search_requests: 3 } });
  });

  it("max_uses bounds the whole turn: a continuation gets the searches left, none once they are spent (the turn ends paused, with stop)", async () => {
    const sent: { tools: unknown[] }[] = [];
    await answerContinuingPausedTurn(bounded(3), async (body) => {
      sent.push(body as (typeof sent)[number]);
      return sent.length === 1 ? PAUSED : CONTINUED;
    });
    expect(sent.map((body) => body.tools[1])).toEqual([
      { type: 'web_search_20250305', name: 'web_search', max_uses: 3 },
      // The paused call ran one search.
      { type: 'web_search_20250305', name: 'web_search', max_uses: 2 },
    ]);
    expect(sent[1].tools[0]).toEqual({ name: 'get_weather', input_schema: { type: 'object' } });

    let calls = 0;
    const spent = await answerContinuingPausedTurn(bounded(1), async () => {
      calls += 1;
      return PAUSED;
    });
    expect(calls).toBe(1);
    expect(fromAnthropicChat(spent, { now }).choices[0]).toMatchObject({ message: { content: PAUSED_TEXT }, finish_reason: 'stop' });
  });

  it('streamed too: the searches of the paused message, read from its message_delta, bound the next call', async () => {
    const sentTools = async (maxUses: number) => {
      const sent: { tools: unknown[] }[] = [];
      const events: SseEvent[] = [];
      const wires = [pausedWire, continuedWire];
      for await (const event of eventsContinuingPausedTurn(bounded(maxUses), (body) => {
        sent.push(body as (typeof sent)[number]);
        return sse(chunksOf([wires[sent.length - 1]]));
      })) {
        events.push(event);
      }
      return { tools: sent.map((body) => body.tools[1]), events: events.length };
    };
    expect(await sentTools(5)).toEqual({ tools: [expect.objectContaining({ max_uses: 5 }), expect.objectContaining({ max_uses: 4 })], events: (await eventsOf(pausedWire)).length + (await eventsOf(continuedWire)).length });
    expect(await sentTools(1)).toEqual({ tools: [expect.objectContaining({ max_uses: 1 })], events: (await eventsOf(pausedWire)).length });
  });
});

describe('the paused content as it goes back', () => {
  const search = { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'cafés' } };
  const results = { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] };

  it("a last text block loses its trailing whitespace (Anthropic's rule for a final assistant content); the blocks before it and the paused answer stay as they came", () => {
    const cited = { type: 'text', text: 'Selon Time Out :\n\n', citations: [{ type: 'web_search_result_location', url: 'https://www.timeout.fr' }] };
    const paused = [{ type: 'text', text: 'Je cherche. ' }, search, results, cited];
    expect(asSentBack(paused)).toEqual([{ type: 'text', text: 'Je cherche. ' }, search, results, { ...cited, text: 'Selon Time Out :' }]);
    expect(paused[3]).toEqual(cited);
  });

  it('a last text block of whitespace alone is left out (Anthropic refuses an empty one), and so is the next if it is too; a server tool block last changes nothing', () => {
    expect(asSentBack([{ type: 'text', text: 'Je cherche.' }, { type: 'text', text: '  ' }, { type: 'text', text: '\n' }])).toEqual([{ type: 'text', text: 'Je cherche.' }]);
    expect(asSentBack([{ type: 'text', text: 'Je cherche. ' }, search])).toEqual([{ type: 'text', text: 'Je cherche. ' }, search]);
    expect(asSentBack(PAUSED.content)).toEqual(PAUSED.content);
  });

  it('a blank text block before or between the server tool blocks is left out (Anthropic refuses it: "text content blocks must be non-empty", "… must contain non-whitespace text"); text around it stays as it came', () => {
    const lead = { type: 'text', text: 'Je vérifie. ' };
    expect(asSentBack([{ type: 'text', text: '' }, search, results, { type: 'text', text: '\n\n' }, lead, search, results])).toEqual([search, results, lead, search, results]);
    expect(asSentBack(BLANK_FIRST.content)).toEqual(BLANK_FIRST.content.slice(1));
  });

  it("a request's MCP servers may pause the turn as its web search tool may; other requests are sent once", () => {
    expect(mayPauseTurn({ ...request, tools: [] })).toBe(false);
    expect(mayPauseTurn(request)).toBe(true);
    expect(mayPauseTurn({ messages: [], mcp_servers: [{ type: 'url', url: 'https://mcp.example.com/sse', name: 'tickets' }] })).toBe(true);
    expect(mayPauseTurn({ messages: [], mcp_servers: [] })).toBe(false);
  });
});
