/**
 * OpenAI's Responses API (`POST /v1/responses`) served on the chat path: the request is checked
 * against openapi/schemas/responses.yaml and translated to the unified chat request (request.ts),
 * `/v1/chat/completions`' own code calls the endpoint, and its answer (answer.ts) or its stream's
 * chunks (stream.ts) are translated back. Every translation lives in this folder.
 */
import { GatewayError } from '../../errors';
import type { ChatChunk, ChatResponse, ResponsesRequest } from '../../schema';
import { openaiErrorObject } from '../errors';
import { withoutNulls } from '../invocation';
import { typedEventText, type EventFormat } from '../sse';
import { validateResponsesRequestBody } from '../validation';
import { fromChatResponse, settingsOf, type ResponseSettings } from './answer';
import { refuseStoredState, toChatRequest } from './request';
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
}

/** The chunks as Responses events, one upstream chunk at a time (nothing is held back). */
async function* responsesEvents(options: { chunks: AsyncIterable<unknown>; checkChunk: (chunk: unknown) => unknown; onChunk: (chunk: unknown) => void; fold: ResponsesStreamFold }) {
  const { fold } = options;
  for await (const chunk of options.chunks) {
    const checked = options.checkChunk(chunk) as ChatChunk;
    options.onChunk(checked);
    yield* fold.chunk(checked);
  }
  yield* fold.end();
}

function presentStream(settings: ResponseSettings, webSearch: WebSearchReport | undefined): AnswerPresenter['stream'] {
  return ({ chunks, checkChunk, onChunk }) => {
    const fold = new ResponsesStreamFold(settings, webSearch);
    const failed = (error: GatewayError) => {
      const { code, message } = openaiErrorObject(error);
      return typedEventText(fold.failed({ code, message }));
    };
    return { events: responsesEvents({ chunks, checkChunk, onChunk, fold }), format: { event: (event) => typedEventText(event as { type: string }), error: failed, end: '' } };
  };
}

/** A Responses request as the chat request to serve, and how to present its answer. */
export function responsesTranslation(body: unknown): { chatRequest: Record<string, unknown>; presenter: AnswerPresenter } {
  const request = withoutNulls(body);
  refuseStoredState(request);
  const failure = validateResponsesRequestBody(request);
  if (failure) throw GatewayError.invalidBody(failure.message, failure.param, failure.issues, 400);
  const responsesRequest = request as ResponsesRequest;
  const settings = settingsOf(responsesRequest);
  const webSearch = webSearchReportOf(responsesRequest);
  return {
    chatRequest: toChatRequest(responsesRequest),
    presenter: { json: (answer) => fromChatResponse(answer as ChatResponse, settings, webSearch), stream: presentStream(settings, webSearch) },
  };
}
