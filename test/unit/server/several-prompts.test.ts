/** Several prompts in one completions request: the request check, the calls (bounded, ended on a failure), and the joined answer. */
import { GatewayError } from '../../../src/errors';
import { CallAbort, type CallSignal } from '../../../src/providers/abort';
import type { CompletionsResponse } from '../../../src/schema';
import { prepareRequest } from '../../../src/server/request-preparation';
import { answersToEachPrompt, joinedCompletions, MAX_PROMPTS_PER_REQUEST, promptsCalledOneByOne, refuseTokenIds, severalPromptsOf, summedUsage, withPromptText } from '../../../src/server/several-prompts';
import { gatewayErrorOf } from '../../support/errors';

describe('prepareRequest', () => {
  test('several prompts are checked once, with the other fields, and kept as the list', () => {
    expect(prepareRequest({ endpointType: 'llm/v1/completions', body: { model: 'm', prompt: ['a', 'b'], n: 2 }, dialect: 'openai' })).toEqual({ prompt: ['a', 'b'], n: 2 });
    expect(() => prepareRequest({ endpointType: 'llm/v1/completions', body: { prompt: ['a', 'b'], n: 'two' }, dialect: 'openai' })).toThrow(expect.objectContaining({ status: 400, param: 'n' }));
  });

  test("token ids pass on /v1 as OpenAI's shapes (a list of ids, a list of such lists, none empty); the MLflow routes refuse them with a 422", () => {
    for (const prompt of [[1, 2], [[1], [2, 3]]]) {
      expect(prepareRequest({ endpointType: 'llm/v1/completions', body: { model: 'm', prompt }, dialect: 'openai' })).toEqual({ prompt });
      expect(() => prepareRequest({ endpointType: 'llm/v1/completions', body: { prompt }, dialect: 'mlflow' })).toThrow(
        expect.objectContaining({
          status: 422,
          param: 'prompt',
          message: "The parameter 'prompt' must be a string, or a list of one string, on the MLflow routes; /v1/completions also takes token ids (for OpenAI's API and Azure OpenAI).",
        }),
      );
    }
    const refusal = (prompt: unknown) => gatewayErrorOf(() => prepareRequest({ endpointType: 'llm/v1/completions', body: { prompt }, dialect: 'openai' }));
    expect(refusal([])).toMatchObject({ status: 400, param: 'prompt', message: "The parameter 'prompt' is an empty list: send a string, a list of strings or token ids." });
    const kinds = 'like the items before it (a list holds only strings, only token ids (integers) or only non-empty arrays of token ids (integers))';
    expect(refusal(['a', 2])).toMatchObject({ status: 400, param: 'prompt[1]', message: `prompt[1]: must be a string ${kinds}` });
    expect(refusal([1, 2.5])).toMatchObject({ status: 400, param: 'prompt[1]', message: 'prompt[1]: must be integer' });
    expect(refusal([[1], 2])).toMatchObject({ status: 400, param: 'prompt[1]', message: `prompt[1]: must be a non-empty array of token ids (integers) ${kinds}` });
    expect(refusal([[]])).toMatchObject({ status: 400, param: 'prompt[0]', message: 'prompt[0]: a list of token ids must not be empty.' });
    expect(refusal([[50256, 1212], []])).toMatchObject({ status: 400, param: 'prompt[1]', message: 'prompt[1]: a list of token ids must not be empty.' });
  });

  test('a chat request with a list named prompt is not split', () => {
    expect(severalPromptsOf('llm/v1/chat', { messages: [], prompt: ['a', 'b'] })).toBeNull();
  });
});

describe('promptsCalledOneByOne', () => {
  const request = { prompt: ['a', 'b'], n: 2 };
  test('an endpoint whose provider takes the list gets it in one call; any other, one call per prompt', () => {
    expect(promptsCalledOneByOne({ endpointType: 'llm/v1/completions', target: { takesPromptList: true } }, request)).toBeNull();
    expect(promptsCalledOneByOne({ endpointType: 'llm/v1/completions', target: {} }, request)).toEqual(['a', 'b']);
    expect(promptsCalledOneByOne({ endpointType: 'llm/v1/completions', target: {} }, { prompt: 'a' })).toBeNull();
  });
});

describe('refuseTokenIds', () => {
  const endpoint = (takesPromptList: boolean) => ({ endpointType: 'llm/v1/completions' as const, target: { takesPromptList }, providerDisplayName: 'Together AI' });
  test('an endpoint whose provider takes the prompt list takes token ids; any other refuses them as a refusal of the value, naming prompt', () => {
    expect(() => refuseTokenIds(endpoint(true), { prompt: [[1, 2]] })).not.toThrow();
    for (const prompt of ['a', ['a', 'b']]) expect(() => refuseTokenIds(endpoint(false), { prompt })).not.toThrow();
    for (const prompt of [[1, 2], [[1], [2]]]) {
      expect(gatewayErrorOf(() => refuseTokenIds(endpoint(false), { prompt }))).toMatchObject({
        status: 400,
        code: 'invalid_value',
        param: 'prompt',
        message: "The parameter 'prompt' must be a string or a list of strings for Together AI: token ids are sent only to OpenAI's API (the default openai_api_base) and Azure OpenAI.",
      });
    }
  });
});

describe('withPromptText', () => {
  test('a list of one string is that string; token ids and other lists are left to the schema', () => {
    expect(withPromptText({ prompt: ['Hi'], n: 2 }, 'openai')).toEqual({ prompt: 'Hi', n: 2 });
    expect(withPromptText({ prompt: [1, 2] }, 'openai')).toEqual({ prompt: [1, 2] });
    expect(withPromptText({ prompt: ['a', 2] }, 'openai')).toEqual({ prompt: ['a', 2] });
  });

  test('several prompts stay a list on /v1, up to the limit', () => {
    const prompts = Array.from({ length: MAX_PROMPTS_PER_REQUEST }, (_, index) => `prompt ${index}`);
    const request = { prompt: prompts, max_tokens: 5 };
    expect(withPromptText(request, 'openai')).toBe(request);
  });

  test('one prompt over the limit is a 400 on prompt saying the limit', () => {
    const prompts = Array.from({ length: MAX_PROMPTS_PER_REQUEST + 1 }, () => 'x');
    expect(() => withPromptText({ prompt: prompts }, 'openai')).toThrow(
      expect.objectContaining({ status: 400, param: 'prompt', message: "The parameter 'prompt' holds 21 prompts: at most 20 per request." }),
    );
  });

  test('several prompts stay a list on /v1 with stream: true too; the MLflow routes refuse them streamed as well', () => {
    expect(withPromptText({ prompt: ['a', 'b'], stream: true }, 'openai')).toEqual({ prompt: ['a', 'b'], stream: true });
    expect(withPromptText({ prompt: ['a', 'b'], stream: false }, 'openai')).toEqual({ prompt: ['a', 'b'], stream: false });
    expect(() => withPromptText({ prompt: ['a', 'b'], stream: true }, 'mlflow')).toThrow(expect.objectContaining({ status: 422, param: 'prompt' }));
  });

  test('the MLflow routes take one prompt: several are a 422 pointing to /v1/completions', () => {
    expect(() => withPromptText({ prompt: ['a', 'b'] }, 'mlflow')).toThrow(
      expect.objectContaining({
        status: 422,
        param: 'prompt',
        message: "The parameter 'prompt' holds 2 prompts: the MLflow routes complete one prompt per request (a string, or a list of one string); /v1/completions takes several.",
      }),
    );
  });
});

/** An `answer` whose calls end when the test says, recording the prompts sent, the most at once, and the signals they got. */
function controlledAnswer() {
  const pending = new Map<string, { resolve: (text: string) => void; reject: (error: unknown) => void; signal: CallSignal }>();
  const sent: string[] = [];
  let mostAtOnce = 0;
  const answer = (prompt: string, signal: CallSignal) =>
    new Promise<string>((resolve, reject) => {
      sent.push(prompt);
      // As a provider call does: an abort ends it with the abort's reason.
      signal.addEventListener('abort', () => {
        pending.delete(prompt);
        reject(signal.reason);
      });
      pending.set(prompt, { resolve: (text) => (pending.delete(prompt), resolve(text)), reject: (error) => (pending.delete(prompt), reject(error)), signal });
      mostAtOnce = Math.max(mostAtOnce, pending.size);
    });
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  return {
    answer,
    sent,
    mostAtOnce: () => mostAtOnce,
    inFlight: () => [...pending.keys()],
    signalOf: (prompt: string) => pending.get(prompt)?.signal,
    finish: async (prompt: string) => {
      pending.get(prompt)?.resolve(prompt.toUpperCase());
      await turn();
    },
    fail: async (prompt: string, error: unknown) => {
      pending.get(prompt)?.reject(error);
      await turn();
    },
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('answersToEachPrompt', () => {
  test('answers in prompt order whatever order the calls end in, at most inFlight at once', async () => {
    const calls = controlledAnswer();
    const answers = answersToEachPrompt({ prompts: ['a', 'b', 'c', 'd', 'e'], client: new CallAbort(), answer: calls.answer, inFlight: 2 });
    await turn();
    expect(calls.inFlight()).toEqual(['a', 'b']);
    await calls.finish('b');
    expect(calls.inFlight()).toEqual(['a', 'c']);
    for (const prompt of ['c', 'a', 'e', 'd']) await calls.finish(prompt);
    await expect(answers).resolves.toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(calls.mostAtOnce()).toBe(2);
  });

  test('a failure ends the calls in flight, starts no other, and is what the request gets', async () => {
    const calls = controlledAnswer();
    const answers = answersToEachPrompt({ prompts: ['a', 'b', 'c', 'd'], client: new CallAbort(), answer: calls.answer, inFlight: 2 });
    await turn();
    const signalOfA = calls.signalOf('a')!;
    const failure = GatewayError.upstreamUnavailable("OpenAI ended the stream for endpoint 'completions' without sending anything.");
    const outcome = expect(answers).rejects.toBe(failure);
    await calls.fail('b', failure);
    await outcome;
    expect(signalOfA.aborted).toBe(true);
    expect(calls.sent).toEqual(['a', 'b']);
    expect(calls.inFlight()).toEqual([]);
  });

  test('a client that leaves ends every call with its reason', async () => {
    const calls = controlledAnswer();
    const client = new CallAbort();
    const answers = answersToEachPrompt({ prompts: ['a', 'b', 'c'], client, answer: calls.answer });
    await turn();
    expect(calls.inFlight()).toEqual(['a', 'b', 'c']);
    const gone = new Error('client gone');
    const outcome = expect(answers).rejects.toBe(gone);
    client.abort(gone);
    await outcome;
    expect(calls.inFlight()).toEqual([]);
  });
});

const answerTo = (prompt: string, fields: Partial<CompletionsResponse> = {}): CompletionsResponse => ({
  id: `cmpl-${prompt}`,
  object: 'text_completion',
  created: 1748251320,
  model: 'gpt-3.5-turbo-instruct:20230824-v2',
  choices: [
    { index: 1, text: `${prompt}, second`, finish_reason: 'length', logprobs: null },
    { index: 0, text: `${prompt}, first`, finish_reason: 'stop', logprobs: null },
  ],
  usage: { prompt_tokens: 5, completion_tokens: 10, total_tokens: 15 },
  ...fields,
});

describe('joinedCompletions', () => {
  test("each prompt's choices in turn, numbered prompt × n + choice; envelope from the first answer; usage summed", () => {
    const joined = joinedCompletions([answerTo('one'), answerTo('two', { id: 'cmpl-other', created: 1748251399, usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 } })]);
    expect(joined).toEqual({
      id: 'cmpl-one',
      object: 'text_completion',
      created: 1748251320,
      model: 'gpt-3.5-turbo-instruct:20230824-v2',
      choices: [
        { index: 0, text: 'one, first', finish_reason: 'stop', logprobs: null },
        { index: 1, text: 'one, second', finish_reason: 'length', logprobs: null },
        { index: 2, text: 'two, first', finish_reason: 'stop', logprobs: null },
        { index: 3, text: 'two, second', finish_reason: 'length', logprobs: null },
      ],
      usage: { prompt_tokens: 12, completion_tokens: 13, total_tokens: 25 },
    });
  });

  test("Azure's prompt_filter_results are joined, each entry with the position of its prompt", () => {
    const filter = { prompt_index: 0, content_filter_results: { hate: { filtered: false, severity: 'safe' } } };
    const joined = joinedCompletions([answerTo('one', { prompt_filter_results: [filter] }), answerTo('two'), answerTo('three', { prompt_filter_results: [filter] })]);
    expect(joined.prompt_filter_results).toEqual([filter, { ...filter, prompt_index: 2 }]);
    expect(joinedCompletions([answerTo('one'), answerTo('two')])).not.toHaveProperty('prompt_filter_results');
  });
});

describe('summedUsage', () => {
  test('a count missing from one answer is null: a partial sum would under-count', () => {
    expect(
      summedUsage([
        { prompt_tokens: 5, completion_tokens: null, total_tokens: null },
        { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
      ]),
    ).toEqual({ prompt_tokens: 12, completion_tokens: null, total_tokens: null });
  });

  test('details are kept when every answer has them, with the counts every answer has', () => {
    const usage = (cached: number, extra: Record<string, unknown> = {}) => ({
      prompt_tokens: 10,
      completion_tokens: 5,
      total_tokens: 15,
      prompt_tokens_details: { cached_tokens: cached, ...extra },
      completion_tokens_details: { reasoning_tokens: 2 },
    });
    expect(summedUsage([usage(4, { audio_tokens: 1 }), usage(6)])).toEqual({
      prompt_tokens: 20,
      completion_tokens: 10,
      total_tokens: 30,
      prompt_tokens_details: { cached_tokens: 10 },
      completion_tokens_details: { reasoning_tokens: 4 },
    });
    const withoutDetails = { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 };
    expect(summedUsage([usage(4), withoutDetails])).toEqual({ prompt_tokens: 11, completion_tokens: 6, total_tokens: 17 });
  });
});
