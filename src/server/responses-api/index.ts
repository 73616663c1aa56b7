/**
 * OpenAI's Responses API (`POST /v1/responses`) served on the chat path: the request is checked
 * against openapi/schemas/responses.yaml and translated to the unified chat request (request.ts),
 * `/v1/chat/completions`' own code calls the endpoint, and its answer is translated back
 * (answer.ts). Every translation lives in this folder.
 */
import { GatewayError } from '../../errors';
import type { ChatResponse, ResponsesRequest } from '../../schema';
import { withoutNulls } from '../invocation';
import { validateResponsesRequestBody } from '../validation';
import { fromChatResponse, settingsOf } from './answer';
import { refuseStoredState, toChatRequest } from './request';

/** How a route presents the chat answer when it is not a chat completion. */
export interface AnswerPresenter {
  /** The body sent for a chat answer (already checked). */
  json(answer: unknown): unknown;
}

/** A Responses request as the chat request to serve, and how to present its answer. */
export function responsesTranslation(body: unknown): { chatRequest: Record<string, unknown>; presenter: AnswerPresenter } {
  const request = withoutNulls(body);
  refuseStoredState(request);
  const failure = validateResponsesRequestBody(request);
  if (failure) throw GatewayError.invalidBody(failure.message, failure.param, failure.issues, 400);
  const responsesRequest = request as ResponsesRequest;
  if (responsesRequest.stream === true) {
    throw GatewayError.invalidParam('stream: streamed responses are not served on /v1/responses yet; leave stream out or false', 'stream');
  }
  const settings = settingsOf(responsesRequest);
  return {
    chatRequest: toChatRequest(responsesRequest),
    presenter: { json: (answer) => fromChatResponse(answer as ChatResponse, settings) },
  };
}
