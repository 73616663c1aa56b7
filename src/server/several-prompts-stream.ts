/**
 * Several prompts in one streamed `/v1/completions` request (`prompt: [...]`, `stream: true`), as
 * OpenAI streams them: one stream of every prompt's chunks as they come, each choice's `index`
 * prompt position × n + choice, one `id` and `created` throughout, and no usage until one last chunk
 * (no choices) holding every prompt's usage summed. Each prompt is a stream call of its own (its
 * retries, total timeout and token count), at most PROMPTS_IN_FLIGHT at once, the next started as
 * one ends. The calls share one abort, set when the client leaves or a prompt's stream fails: the
 * others are then ended, and that first failure ends the merged stream.
 */
import { StreamTokens, type EstimatedTokens, type StreamTokenCount } from '../limits/stream-tokens';
import { derivedAbort, type CallAbort, type CallSignal } from '../providers/abort';
import type { CompletionsChunk, Usage } from '../schema';
import { answerRefusal, type RefusingEndpoint } from './answer-check';
import { PROMPTS_IN_FLIGHT, summedUsage } from './several-prompts';

/** The usage of a prompt whose stream reported none: its counts unknown, so the sums are too. */
const NO_USAGE: Usage = { prompt_tokens: null, completion_tokens: null, total_tokens: null };

/**
 * The tokens of a stream of several prompts: each prompt's stream counts its own (reported, else
 * estimated) as its chunks pass, as one stream does, and they are summed here.
 */
export class PromptStreamsTokens implements StreamTokenCount {
  /** Each started prompt's tokens, by prompt position (prompts start in order). */
  readonly each: StreamTokens[] = [];
  /** The usage each prompt's stream reported (its latest), by prompt position. */
  readonly reported: (Usage | undefined)[] = [];
  /** The usage of the stream's last chunk, once every prompt's stream has ended. */
  summed: Usage | null = null;

  /** Nothing to do: each prompt's stream observed its own chunks before they were merged. */
  observe(): void {}

  /**
   * Null when the last chunk's usage (which the audit line reads) counts every prompt; else each
   * started prompt's reported counts or its estimate, summed (null when none had the request).
   */
  estimate(): EstimatedTokens | null {
    if (this.summed?.total_tokens != null) return null;
    let sum: EstimatedTokens | null = null;
    this.each.forEach((tokens, prompt) => {
      const counts = tokens.estimate() ?? reportedCounts(this.reported[prompt], tokens.total());
      if (counts !== null) sum = { prompt: (sum?.prompt ?? 0) + counts.prompt, completion: (sum?.completion ?? 0) + counts.completion, total: (sum?.total ?? 0) + counts.total };
    });
    return sum;
  }

  total(): number | null {
    const totals = this.each.map((tokens) => tokens.total()).filter((total) => total !== null);
    return totals.length === 0 ? null : totals.reduce((sum, total) => sum + total, 0);
  }
}

/** A prompt's reported usage as counts, its total the one its token count holds; null when it reported none. */
function reportedCounts(usage: Usage | undefined, total: number | null): EstimatedTokens | null {
  if (total === null) return null;
  return { prompt: usage?.prompt_tokens ?? 0, completion: usage?.completion_tokens ?? 0, total };
}

type Arrival = { prompt: number; result: IteratorResult<unknown> } | { prompt: number; error: unknown };

const FINISHED: IteratorResult<never> = { done: true, value: undefined };

export interface PromptStreamsOptions {
  prompts: readonly string[];
  /** The request, sent for each prompt with `prompt` that one. */
  request: Record<string, unknown>;
  /** Aborted when the client disconnects. */
  client: CallSignal;
  /**
   * One prompt's stream call under `signal`, its attempts watched and its chunks observed by `tokens`;
   * `onOpened` is told of the call's own abort (its total timeout) once the stream is open.
   */
  open: (request: Record<string, unknown>, signal: CallSignal, tokens: StreamTokens, onOpened: (call: CallSignal) => void) => AsyncIterable<unknown>;
  /** A chunk as it may be sent (answer-check.ts), or a throw. */
  checkChunk: (chunk: unknown) => unknown;
  /** Told of the chunk of a prompt (as numbered by the calls to `open`) refused by `checkChunk` or its numbering, before every call ends. */
  refused?: (prompt: number, refusal: unknown) => void;
  /** Named in the 502 of a choice numbered past `n`. */
  endpoint: RefusingEndpoint;
  inFlight?: number;
}

/**
 * The merged stream. Pulls each open prompt stream one chunk ahead and passes chunks on in the
 * order they arrived; the next prompt starts when the client asks for more, so a client that stops
 * reading holds every call. A failure arriving aborts the others at once (also waking a wait on a
 * client that stopped reading, through `abort`), and ends the stream after the chunks before it.
 */
export class PromptStreams implements AsyncIterableIterator<unknown> {
  /** Set when the client leaves or a prompt's stream fails: ends every prompt's call. */
  readonly abort: CallAbort;
  readonly tokens = new PromptStreamsTokens();
  private readonly iterators = new Map<number, AsyncIterator<unknown>>();
  private readonly arrivals: Arrival[] = [];
  private wake: (() => void) | null = null;
  private started = 0;
  private ended = false;
  /** The first chunk's `id`, `created` and `model`, which every chunk sent carries. */
  private first: Pick<CompletionsChunk, 'id' | 'created' | 'model'> | null = null;
  private readonly n: number;

  constructor(private readonly options: PromptStreamsOptions) {
    const { n } = options.request;
    this.n = typeof n === 'number' ? n : 1;
    this.abort = derivedAbort(options.client);
    if (options.client.aborted) this.abort.abort(options.client.reason);
    else options.client.addEventListener('abort', this.onClientGone);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<unknown>> {
    while (!this.ended) {
      this.startPrompts();
      const arrival = this.arrivals.shift();
      if (arrival === undefined) {
        // None open and some not started: the abort came between calls (the client left, a shutdown).
        if (this.iterators.size === 0) return this.started < this.options.prompts.length ? this.failWith(this.abort.reason) : this.finish();
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      if ('error' in arrival) return this.failWith(arrival.error);
      if (arrival.result.done) {
        this.iterators.delete(arrival.prompt);
        continue;
      }
      this.pull(arrival.prompt);
      let chunk: CompletionsChunk | null;
      try {
        chunk = this.merged(arrival.prompt, arrival.result.value);
      } catch (error) {
        this.options.refused?.(arrival.prompt, error);
        return this.failWith(error);
      }
      if (chunk !== null) return { done: false, value: chunk };
    }
    return FINISHED;
  }

  /** The client stopped reading, or left: every call still open is ended. */
  async return(): Promise<IteratorResult<unknown>> {
    await this.close(this.options.client.reason ?? new DOMException('The stream was closed.', 'AbortError'));
    return FINISHED;
  }

  private readonly onClientGone = (): void => this.abort.abort(this.options.client.reason);

  /**
   * A prompt's total timeout ends the merged stream at once: its chunk may be waiting here, unpulled,
   * while the client does not read, and only `abort` wakes the wait on such a client.
   */
  private readonly onOpened = (call: CallSignal): void => call.addEventListener('abort', () => this.abort.abort(call.reason));

  private startPrompts(): void {
    const { prompts, request, inFlight = PROMPTS_IN_FLIGHT } = this.options;
    while (!this.abort.aborted && this.iterators.size < inFlight && this.started < prompts.length) {
      const prompt = this.started;
      this.started += 1;
      const sent = { ...request, prompt: prompts[prompt] };
      const tokens = new StreamTokens(sent);
      this.tokens.each.push(tokens);
      this.iterators.set(prompt, this.options.open(sent, this.abort, tokens, this.onOpened)[Symbol.asyncIterator]());
      this.pull(prompt);
    }
  }

  /** Asks a prompt's stream for its next chunk, which joins the arrivals when it comes. */
  private pull(prompt: number): void {
    this.iterators.get(prompt)!.next().then(
      (result) => this.arrive({ prompt, result }),
      (error: unknown) => {
        if (!this.ended) this.abort.abort(error);
        this.arrive({ prompt, error });
      },
    );
  }

  private arrive(arrival: Arrival): void {
    if (this.ended) return;
    this.arrivals.push(arrival);
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /**
   * A prompt's chunk as the merged stream sends it: checked, its choices renumbered, the stream's
   * `id` and `created`, Azure's `prompt_filter_results` naming the prompt; its usage kept for the
   * last chunk (null for a chunk that held only usage).
   */
  private merged(prompt: number, value: unknown): CompletionsChunk | null {
    const { usage, ...chunk } = this.options.checkChunk(value) as CompletionsChunk;
    if (usage != null) this.tokens.reported[prompt] = usage;
    if (chunk.choices.length === 0 && usage != null) return null;
    const first = (this.first ??= { id: chunk.id, created: chunk.created, model: chunk.model });
    const merged: CompletionsChunk = { ...chunk, id: first.id, created: first.created, choices: chunk.choices.map((choice) => ({ ...choice, index: this.indexOf(prompt, choice.index) })) };
    if (chunk.prompt_filter_results) merged.prompt_filter_results = chunk.prompt_filter_results.map((entry) => ({ ...entry, prompt_index: prompt }));
    return merged;
  }

  /** OpenAI's numbering, prompt × n + choice; a choice past `n` would take the next prompt's number, so it is refused. */
  private indexOf(prompt: number, choice: number): number {
    if (choice >= this.n) {
      const past = `past the ${this.n} choices asked for (n)`;
      throw answerRefusal(this.options.endpoint, { plugin: `a chunk its completionsStream method yielded has choice index ${choice}, ${past}`, builtIn: `a stream chunk's choice index ${choice} is ${past}` });
    }
    return prompt * this.n + choice;
  }

  /** Every prompt's stream ended: the last chunk holds their usage summed (none when no prompt reported any). */
  private finish(): IteratorResult<unknown> {
    this.ended = true;
    this.options.client.removeEventListener('abort', this.onClientGone);
    const { reported } = this.tokens;
    if (this.first === null || !reported.some((usage) => usage !== undefined)) return FINISHED;
    const usage = summedUsage(this.options.prompts.map((_, prompt) => reported[prompt] ?? NO_USAGE));
    this.tokens.summed = usage;
    const last: CompletionsChunk = { ...this.first, object: 'text_completion_chunk', choices: [], usage };
    return { done: false, value: last };
  }

  private async failWith(error: unknown): Promise<never> {
    await this.close(error);
    throw error;
  }

  /** Ends every prompt's call still open and lets each release its connection. */
  private async close(reason: unknown): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.options.client.removeEventListener('abort', this.onClientGone);
    this.abort.abort(reason);
    this.arrivals.length = 0;
    const open = [...this.iterators.values()];
    this.iterators.clear();
    await Promise.all(open.map((iterator) => Promise.resolve(iterator.return?.()).catch(() => undefined)));
  }
}
