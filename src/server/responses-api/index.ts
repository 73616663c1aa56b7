/**
 * OpenAI's Responses API (`POST /v1/responses`) served on the chat path: the request is checked
 * against openapi/schemas/responses.yaml, what it refers to is looked up in the response store
 * (stored.ts), and it is translated to the unified chat request (request.ts);
 * `/v1/chat/completions`' own code calls the endpoint, and its answer (answer.ts) or its stream's
 * chunks (stream.ts) are translated back, and kept unless `store: false`; an error of the chat request names
 * the fields the client sent (error-fields.ts). Every translation lives in this folder.
 */
import { GatewayError } from '../../errors';
import type { ChatChunk, ChatResponse, ResponsesRequest, ResponsesResponse } from '../../schema';
import { openaiErrorObject } from '../errors';
import { keepResponseThinking, type KeptThinking } from '../kept-thinking';
import { withoutNulls } from '../without-nulls';
import { typedEventText, type EventFormat } from '../sse';
import { validateResponsesRequestBody } from '../validation';
import { fromChatResponse, settingsOf, type ResponseSettings } from './answer';
import { includesEncryptedContent, withoutEncryptedContents } from './encrypted-thinking';
import { inResponsesTerms, type ChatFieldSources } from './error-fields';
import { chatTranslationOf, refuseSeveralChoices, refuseStoredState } from './request';
import { isKept, keepResponse, resolveStoredInput, type StoreAccess } from './stored';
import { ResponsesStreamFold } from './stream';
import { webSearchReportOf, type WebSearchReport } from './web-search';

/** A stream as a route sends it: its events, and how they are written. */
export interface PresentedStream {
  events: AsyncIterable<unknown>;
  format: EventFormat;
}

/** How a route presents the chat answer when it is not a chat completion. */
export interface AnswerPresenter {
  /** The body sent for a chat answer (already checked). */
  json(answer: unknown): unknown;
  /** The events sent for a chat stream: each chunk is checked, then observed (audit, metrics), then translated. */
  stream(options: { chunks: AsyncIterable<unknown>; checkChunk: (chunk: unknown) => unknown; onChunk: (chunk: unknown) => void }): PresentedStream;
  /** An error of the chat request as the route's client reads it (it names the fields the client sent). */
  error(error: unknown): unknown;
  /** How ../kept-thinking.ts serves the request: its 400 for Claude's thinking neither sent back nor kept, and whether the answer's is kept. */
  keptThinking: Pick<KeptThinking, 'notKept' | 'keeps'>;
}

function thinkingNotKept(why: string): GatewayError {
  return GatewayError.invalidParam(
    `input: is missing Claude's thinking: with thinking on, Claude needs the function calls sent back with the reasoning of their answer, the input has no reasoning item of that answer with its encrypted_content (nor an item_reference to a kept one), and ${why}. Send the answer's output items back whole, its reasoning item with the encrypted_content that include: ["reasoning.encrypted_content"] adds, or continue with previous_response_id.`,
    'input',
  );
}

/** Keeps a finished Response (completed or incomplete, not failed); set only when the answer is to be kept. */
type Keep = ((response: ResponsesResponse) => void) | null;

/** The chunks as Responses events, one upstream chunk at a time (nothing is held back); a stream that finishes is kept before its last event is sent. */
async function* responsesEvents(options: { chunks: AsyncIterable<unknown>; checkChunk: (chunk: unknown) => unknown; onChunk: (chunk: unknown) => void; fold: ResponsesStreamFold; keep: Keep }) {
  const { fold } = options;
  for await (const chunk of options.chunks) {
    const checked = options.checkChunk(chunk) as ChatChunk;
    options.onChunk(checked);
    yield* fold.chunk(checked);
  }
  const last = fold.end();
  options.keep?.(fold.keptResponse((last.at(-1) as { response: ResponsesResponse }).response));
  yield* last;
}

/** How the request's answer is presented: what it echoes, and what its `include` and tools add. */
interface Presentation {
  settings: ResponseSettings;
  webSearch: WebSearchReport | undefined;
  showsEncryptedContent: boolean;
  /** Where the chat request's fields came from, to name them in an error. */
  sources: ChatFieldSources;
}

function presentStream({ settings, webSearch, showsEncryptedContent, sources }: Presentation, keep: Keep): AnswerPresenter['stream'] {
  return ({ chunks, checkChunk, onChunk }) => {
    const fold = new ResponsesStreamFold(settings, webSearch, showsEncryptedContent);
    const failed = (error: GatewayError) => {
      const { code, message } = openaiErrorObject(inResponsesTerms(error, sources));
      return [...fold.opening(), fold.failed({ code, message })].map(typedEventText).join('');
    };
    return { events: responsesEvents({ chunks, checkChunk, onChunk, fold, keep }), format: { event: (event) => typedEventText(event as { type: string }), error: failed, end: '' } };
  };
}

/**
 * A Responses request as the chat request to serve, and how to present its answer; `access` is the
 * response store as this request sees it (the config's bounds, the caller's client key).
 */
export async function responsesTranslation(body: unknown, access: StoreAccess): Promise<{ chatRequest: Record<string, unknown>; presenter: AnswerPresenter }> {
  const request = withoutNulls(body);
  refuseStoredState(request, access.plan.enabled);
  const failure = validateResponsesRequestBody(request);
  if (failure) throw GatewayError.invalidBody(failure.message, failure.param, failure.issues, 400);
  const responsesRequest = request as ResponsesRequest;
  refuseSeveralChoices(responsesRequest);
  const resolved = await resolveStoredInput(responsesRequest, access);
  const kept = isKept(responsesRequest, access);
  const { chatRequest, sources } = chatTranslationOf({ ...responsesRequest, input: resolved.input }, resolved.earlier);
  const presentation: Presentation = { settings: settingsOf(responsesRequest, kept), webSearch: webSearchReportOf(responsesRequest), showsEncryptedContent: includesEncryptedContent(responsesRequest.include), sources };
  // The answer's thinking is kept with it, named by its tool call ids (kept-thinking.ts), not a second time on the chat side.
  const keep: Keep = kept
    ? (response) => {
        if (keepResponse(access, { response, input: resolved.input })) keepResponseThinking(access, response);
      }
    : null;
  return {
    chatRequest,
    presenter: {
      json: (answer) => {
        const response = fromChatResponse(answer as ChatResponse, presentation.settings, presentation.webSearch);
        keep?.(response);
        return presentation.showsEncryptedContent ? response : withoutEncryptedContents(response);
      },
      stream: presentStream(presentation, keep),
      error: (error) => inResponsesTerms(error, sources),
      keptThinking: { notKept: thinkingNotKept, keeps: false },
    },
  };
}
