/**
 * Several prompts in one `/v1/completions` request (`prompt: ["…", "…"]`, what LangChain's `OpenAI`
 * LLM sends for `generate()` and `batch()`): OpenAI answers every prompt's `n` choices in one
 * response. An endpoint whose provider takes the list itself (`takesPromptList`: OpenAI's API, Azure
 * OpenAI; not other servers behind `openai_api_base`) gets the request whole, in one call that answers with
 * OpenAI's numbering. For any other, the gateway completes each prompt as a call of its own (the
 * other parameters unchanged, each call with the endpoint's retries and total timeout), a few at a
 * time, and joins the answers into one (a stream: several-prompts-stream.ts). The choice is the
 * destination's, so a FALLBACK route may do either. The MLflow routes take one prompt, as MLflow's
 * request schema does.
 */
import { GatewayError } from '../errors';
import { derivedAbort, type CallSignal } from '../providers/abort';
import { summedTokenCounts } from '../providers/shared/embeddings';
import { isRecord } from '../providers/shared/json';
import { sentNothing } from '../routing/fallback';
import type { CompiledEndpoint } from '../config/compile';
import type { CompletionsChoice, CompletionsResponse, EndpointType, Usage } from '../schema';
import type { Dialect } from './request-preparation';

/**
 * The most prompts one request may carry: LangChain's `OpenAI` LLM sends its prompts in batches of
 * 20 (its `batch_size`), so its `batch()` and `generate()` work unchanged. It holds for every
 * destination (a route's next may take the prompts one by one): there each prompt is a billed
 * upstream call that the endpoint's `calls` limit counts as one request (as OpenAI's request limit
 * counts a request with several prompts), so the bound keeps one request from becoming hundreds of calls.
 */
export const MAX_PROMPTS_PER_REQUEST = 20;

/**
 * The most calls of one request in flight at once (the next starts as one ends), as for Bedrock's
 * one-text embeddings: a batch of 20 takes about three calls' time, not twenty, without opening
 * twenty connections to the upstream at once for one client.
 */
export const PROMPTS_IN_FLIGHT = 8;

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * OpenAI's completions take `prompt` as a list too, and LangChain's `OpenAI` LLM always sends one: a
 * list of one string is that string. A longer one asks for several completions: kept as the list on
 * `/v1` (see `severalPromptsOf`), within `MAX_PROMPTS_PER_REQUEST`, streamed or not; a 422 on the
 * MLflow routes, streamed or not. An empty list, or an empty list of token ids in it, is refused. Other lists (token ids) are left to the
 * schema on `/v1` (token ids then go to the endpoint, see `refuseTokenIds`), a 422 on the MLflow routes.
 */
export function withPromptText(request: unknown, dialect: Dialect): unknown {
  if (!isRecord(request) || !Array.isArray(request.prompt)) return request;
  const prompts: unknown[] = request.prompt;
  const isText = prompts.length > 0 && prompts.every(isString);
  if (!isText && dialect === 'mlflow') {
    throw GatewayError.invalidParam("The parameter 'prompt' must be a string, or a list of one string, on the MLflow routes; /v1/completions also takes token ids (for OpenAI's API and Azure OpenAI).", 'prompt', 422);
  }
  if (prompts.length === 0) throw GatewayError.invalidParam("The parameter 'prompt' is an empty list: send a string, a list of strings or token ids.", 'prompt');
  refuseEmptyTokenIdList(prompts);
  // Token ids, or a list the schema refuses.
  if (!isText) return request;
  if (prompts.length === 1) return { ...request, prompt: prompts[0] };
  const held = `The parameter 'prompt' holds ${prompts.length} prompts`;
  if (dialect === 'mlflow') {
    throw GatewayError.invalidParam(`${held}: the MLflow routes complete one prompt per request (a string, or a list of one string); /v1/completions takes several.`, 'prompt', 422);
  }
  if (prompts.length > MAX_PROMPTS_PER_REQUEST) {
    throw GatewayError.invalidParam(`${held}: at most ${MAX_PROMPTS_PER_REQUEST} per request.`, 'prompt');
  }
  return request;
}

/** A list of token-id lists holding an empty one, named as such (the schema says `prompt[0]: must not be an empty list`). */
function refuseEmptyTokenIdList(prompts: readonly unknown[]): void {
  if (!prompts.every(Array.isArray)) return;
  const empty = prompts.findIndex((item) => (item as unknown[]).length === 0);
  if (empty === -1) return;
  throw GatewayError.invalidParam(`prompt[${empty}]: a list of token ids must not be empty.`, `prompt[${empty}]`);
}

/** Whether a checked completions request's `prompt` is token ids: a list of them, or a list of such lists. */
function holdsTokenIds(request: Record<string, unknown>): boolean {
  const { prompt } = request;
  return Array.isArray(prompt) && prompt.length > 0 && typeof prompt[0] !== 'string';
}

/**
 * Token ids reach only an endpoint whose provider takes `prompt` as OpenAI's API does
 * (`takesPromptList`); any other refuses them before it is called, as a refusal of the request's
 * value (`invalid_value`), which a FALLBACK route moves past to a destination that takes them.
 */
export function refuseTokenIds(endpoint: Pick<CompiledEndpoint, 'endpointType' | 'target' | 'providerDisplayName'>, request: Record<string, unknown>): void {
  if (endpoint.endpointType !== 'llm/v1/completions' || endpoint.target.takesPromptList === true || !holdsTokenIds(request)) return;
  throw GatewayError.invalidParam(
    `The parameter 'prompt' must be a string or a list of strings for ${endpoint.providerDisplayName}: token ids are sent only to OpenAI's API (the default openai_api_base) and Azure OpenAI.`,
    'prompt',
  );
}

/** The prompts of a completions request that holds several strings (`withPromptText` kept the list), else null (one prompt, or a shape the schema refuses). */
export function severalPromptsOf(endpointType: EndpointType, request: unknown): readonly string[] | null {
  if (endpointType !== 'llm/v1/completions' || !isRecord(request) || !Array.isArray(request.prompt)) return null;
  const prompts: unknown[] = request.prompt;
  return prompts.length > 1 && prompts.every(isString) ? (prompts as string[]) : null;
}

/**
 * The prompts `endpoint` completes each in a call of its own: those of a request holding several,
 * unless the endpoint's provider takes the list in one call (`takesPromptList`); else null.
 */
export function promptsCalledOneByOne(endpoint: Pick<CompiledEndpoint, 'endpointType' | 'target'>, request: unknown): readonly string[] | null {
  return endpoint.target.takesPromptList === true ? null : severalPromptsOf(endpoint.endpointType, request);
}

/**
 * Answers each prompt, at most `inFlight` at once, in prompt order. The calls share one abort,
 * set when the client leaves or a prompt's call fails (after its retries): the others are then
 * ended, no further one is started, and that first failure is thrown (no partial answer).
 */
export async function answersToEachPrompt<Answer>(options: {
  prompts: readonly string[];
  /** Aborted when the client disconnects. */
  client: CallSignal;
  answer: (prompt: string, signal: CallSignal) => Promise<Answer>;
  inFlight?: number;
}): Promise<Answer[]> {
  const { prompts, client, answer } = options;
  const shared = derivedAbort(client);
  const onClientGone = () => shared.abort(client.reason);
  if (client.aborted) onClientGone();
  else client.addEventListener('abort', onClientGone);
  const answers: Answer[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  const answerInTurn = async () => {
    while (failure === undefined && next < prompts.length) {
      const index = next;
      next += 1;
      try {
        answers[index] = await answer(prompts[index], shared);
      } catch (error) {
        if (failure !== undefined) continue;
        failure = { error };
        shared.abort(error);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.inFlight ?? PROMPTS_IN_FLIGHT, prompts.length) }, answerInTurn));
  } finally {
    client.removeEventListener('abort', onClientGone);
  }
  if (failure !== undefined) throw failure.error;
  return answers;
}

/**
 * Whether any prompt's call may have reached the provider, for the limits' give-back of a request
 * refused before anything was sent (invocation.ts): a prompt's call answered, failed otherwise than
 * by a refusal or a 501 of its own (one ended by another prompt's failure may have been sent), or
 * still running. A later prompt refused (Bedrock refuses a blank one) comes after earlier ones were answered.
 */
export function createPromptCallWatch() {
  let reached = false;
  let running = 0;
  const watch = <Answer>(call: Promise<Answer>, abort: CallSignal): Promise<Answer> => {
    running += 1;
    return call.then(
      (answer) => {
        running -= 1;
        reached = true;
        return answer;
      },
      (error: unknown) => {
        running -= 1;
        if (abort.aborted || !sentNothing(error)) reached = true;
        throw error;
      },
    );
  };
  return {
    /** `call`, one attempt of a prompt's call on `abort`, watched. */
    watch,
    /** The stream `open` makes, one attempt of a prompt's stream call on `abort`, watched until its first chunk (or its failure before it). */
    watchStream<Chunk>(open: () => AsyncIterable<Chunk>, abort: CallSignal): AsyncIterable<Chunk> {
      return firstChunkWatched(open, (first) => watch(first, abort));
    },
    get reached(): boolean {
      return reached || running > 0;
    },
  };
}

/** `open`'s stream, its first chunk passed through `watchFirst`: also a refusal thrown as the stream opens (a provider translating the request). */
function firstChunkWatched<Chunk>(open: () => AsyncIterable<Chunk>, watchFirst: (first: Promise<IteratorResult<Chunk>>) => Promise<IteratorResult<Chunk>>): AsyncIterable<Chunk> {
  return {
    [Symbol.asyncIterator]: () => {
      let opened: AsyncIterator<Chunk> | null = null;
      return {
        next: () => {
          if (opened !== null) return opened.next();
          return watchFirst(
            new Promise((resolve) => {
              opened = open()[Symbol.asyncIterator]();
              resolve(opened.next());
            }),
          );
        },
        return: async (value?: unknown) => (await opened?.return?.(value)) ?? { done: true, value: undefined },
      };
    },
  };
}

export type PromptCallWatch = ReturnType<typeof createPromptCallWatch>;

/**
 * A details object (`prompt_tokens_details`, `completion_tokens_details`) of the joined usage: present
 * when every answer has one, with each count that every answer has as a number, summed.
 */
function summedDetails(all: readonly (Record<string, unknown> | undefined)[]): Record<string, number> | undefined {
  const present = all.filter(isRecord);
  if (present.length < all.length) return undefined;
  const keys = new Set(present.flatMap((details) => Object.keys(details)));
  const summed = [...keys].flatMap((key) => {
    const total = summedTokenCounts(present.map((details) => details[key] as number | null | undefined));
    return total === null ? [] : [[key, total]];
  });
  return Object.fromEntries(summed) as Record<string, number>;
}

/** The usage of several answers: each count summed, or null unless every answer has it (a partial sum would under-count). */
export function summedUsage(usages: readonly Usage[]): Usage {
  const sum = (field: 'prompt_tokens' | 'completion_tokens' | 'total_tokens') => summedTokenCounts(usages.map((usage) => usage[field]));
  const usage: Usage = { prompt_tokens: sum('prompt_tokens'), completion_tokens: sum('completion_tokens'), total_tokens: sum('total_tokens') };
  const promptDetails = summedDetails(usages.map((each) => each.prompt_tokens_details));
  const completionDetails = summedDetails(usages.map((each) => each.completion_tokens_details));
  if (promptDetails) usage.prompt_tokens_details = promptDetails;
  if (completionDetails) usage.completion_tokens_details = completionDetails;
  return usage;
}

/**
 * The prompt's choices numbered from `offset` in their order: `offset + position`, which is OpenAI's
 * `prompt × n + choice` when every prompt has its `n` choices.
 */
function renumbered(choices: readonly CompletionsChoice[], offset: number): CompletionsChoice[] {
  return [...choices].sort((first, second) => first.index - second.index).map((choice, position) => ({ ...choice, index: offset + position }));
}

/**
 * The answers to a request's prompts (in prompt order) as one, as OpenAI answers several prompts:
 * the first prompt's choices, then the next one's, numbered on; usage summed; `id`, `created`,
 * `model` (and any other field) from the first answer; Azure's `prompt_filter_results` joined, each
 * entry's `prompt_index` the position of its prompt in the request.
 */
export function joinedCompletions(answers: readonly CompletionsResponse[]): CompletionsResponse {
  let offset = 0;
  const choices = answers.flatMap((answer) => {
    const numbered = renumbered(answer.choices, offset);
    offset += numbered.length;
    return numbered;
  });
  const { prompt_filter_results: _first, ...first } = answers[0];
  const joined: CompletionsResponse = { ...first, choices, usage: summedUsage(answers.map((answer) => answer.usage)) };
  const filterResults = answers.flatMap((answer, prompt) => (answer.prompt_filter_results ?? []).map((entry) => ({ ...entry, prompt_index: prompt })));
  if (filterResults.length > 0) joined.prompt_filter_results = filterResults;
  return joined;
}
