/** The merged stream of several prompts: what each prompt's chunks become, and the tokens summed when the stream is cut. */
import { CallAbort } from '../../../src/providers/abort';
import type { CompletionsChunk } from '../../../src/schema';
import { PromptStreams } from '../../../src/server/several-prompts-stream';
import { collectUntilError } from '../../support/iterables';

const chunk = (fields: Partial<CompletionsChunk>): CompletionsChunk => ({ id: 'cmpl-1', object: 'text_completion_chunk', created: 1_700_000_000, model: 'm', choices: [], ...fields });
const choice = (index: number, text: string, finish: CompletionsChunk['choices'][number]['finish_reason'] = null) => ({ index, text, finish_reason: finish });

/** A PromptStreams whose prompts' streams are the given chunks (by prompt), each call marked sent as a transport does. */
function streamsOf(chunksByPrompt: Record<string, unknown[]>, n = 1, endpoint = { name: 'completions', providerDisplayName: 'Gemini', provider: 'gemini', builtIn: true }) {
  return new PromptStreams({
    prompts: Object.keys(chunksByPrompt),
    request: { prompt: Object.keys(chunksByPrompt), n, stream: true },
    client: new CallAbort(),
    open: (request, _signal, tokens) => {
      const call = new CallAbort();
      call.request = 'sent';
      tokens.watch(call);
      return (async function* () {
        for (const each of chunksByPrompt[request.prompt as string]) {
          if (each instanceof Error) throw each;
          tokens.observe(each);
          yield each;
        }
      })();
    },
    checkChunk: (value) => value,
    endpoint,
  });
}

test("a usage-only chunk is kept for the last one; Azure's prompt_filter_results name the prompt", async () => {
  const streams = streamsOf({
    a: [chunk({ id: 'first', prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }] }), chunk({ choices: [choice(0, 'A', 'stop')] }), chunk({ usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } })],
    b: [chunk({ id: 'other', prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }] }), chunk({ choices: [choice(0, 'B', 'stop')], usage: { prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 } })],
  });
  const { values } = await collectUntilError(streams);
  const sent = values as CompletionsChunk[];
  expect(sent.map((each) => each.id)).toEqual(sent.map(() => 'first'));
  expect(sent.flatMap((each) => each.prompt_filter_results ?? []).map((entry) => entry.prompt_index).sort()).toEqual([0, 1]);
  expect(sent.flatMap((each) => each.choices)).toEqual(expect.arrayContaining([choice(0, 'A', 'stop'), choice(1, 'B', 'stop')]));
  expect(sent.slice(0, -1).every((each) => each.usage === undefined)).toBe(true);
  expect(sent[sent.length - 1]).toEqual(chunk({ id: 'first', usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 } }));
  expect(streams.tokens.estimate()).toBeNull();
  expect(streams.tokens.total()).toBe(12);
});

test("a choice numbered past n would take the next prompt's number: a 502 naming the provider", async () => {
  const { error } = await collectUntilError(streamsOf({ a: [chunk({ choices: [choice(2, 'x')] })], b: [] }, 2));
  expect(error).toMatchObject({ status: 502, message: expect.stringContaining("a stream chunk's choice index 2 is past the 2 choices asked for (n)") });
});

test("a plugin's choice numbered past n: the 502 names the plugin and its method, for its author", async () => {
  const plugin = { name: 'completions', providerDisplayName: 'Acme', provider: 'acme', builtIn: false };
  const { error } = await collectUntilError(streamsOf({ a: [chunk({ choices: [choice(2, 'x')] })], b: [] }, 2, plugin));
  expect(error).toMatchObject({
    status: 502,
    message: "Provider plugin 'acme' (Acme) of endpoint 'completions': a chunk its completionsStream method yielded has choice index 2, past the 2 choices asked for (n).",
    failedPlugin: { endpoint: 'completions', provider: 'acme' },
  });
});

test("a stream cut short counts each prompt's reported usage, or its estimate", async () => {
  const streams = streamsOf({
    done: [chunk({ choices: [choice(0, 'fini', 'stop')], usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 } })],
    // 'cut' (3 characters: 1 token) generated 'abcdefgh' (2 tokens) before its failure.
    cut: [chunk({ choices: [choice(0, 'abcdefgh')] }), new Error('upstream gone')],
  });
  const { error } = await collectUntilError(streams);
  expect(error).toEqual(new Error('upstream gone'));
  expect(streams.tokens.estimate()).toEqual({ prompt: 11, completion: 22, total: 33 });
  expect(streams.tokens.total()).toBe(33);
});

test('an abort while no prompt is in flight ends the stream with its reason, not as if every prompt had been answered', async () => {
  const client = new CallAbort();
  const shutdown = new Error('The gateway is shutting down.');
  const streams = new PromptStreams({
    prompts: ['a', 'b'],
    request: { prompt: ['a', 'b'], stream: true },
    client,
    open: (request) =>
      (async function* () {
        yield chunk({ choices: [choice(0, request.prompt as string, 'stop')] });
      })(),
    checkChunk: (value) => value,
    endpoint: { name: 'completions', providerDisplayName: 'Gemini', provider: 'gemini', builtIn: true },
    inFlight: 1,
  });
  const first = await streams.next();
  expect(first.value).toMatchObject({ choices: [choice(0, 'a', 'stop')] });
  // Prompt a's stream has ended and b has not started when the abort comes (a shutdown, the client leaving).
  client.abort(shutdown);
  await expect(streams.next()).rejects.toBe(shutdown);
});
