/**
 * Token log probabilities on `/v1/responses` (src/server/responses-api/logprobs.ts): what the chat
 * request asks for, the chat tokens in the Responses shape (and a stream's pieces joined on one part),
 * and a chat error on `logprobs` named as the `include` value that asked.
 */
import { GatewayError } from '../../../src/errors';
import type { ChatChunk, ResponsesRequest } from '../../../src/schema';
import { settingsOf } from '../../../src/server/responses-api/answer';
import { inResponsesTerms } from '../../../src/server/responses-api/error-fields';
import { chatLogprobsFieldsOf, responsesLogprobsOf } from '../../../src/server/responses-api/logprobs';
import { chatTranslationOf } from '../../../src/server/responses-api/request';
import { ResponsesStreamFold } from '../../../src/server/responses-api/stream';

const INCLUDE = 'message.output_text.logprobs';

test.each<[string[] | undefined, number | undefined, Record<string, unknown>]>([
  [[INCLUDE], 3, { logprobs: true, top_logprobs: 3 }],
  [['reasoning.encrypted_content', INCLUDE], undefined, { logprobs: true }],
  [['reasoning.encrypted_content'], 3, {}],
  [undefined, 0, {}],
])('include %j, top_logprobs %j → %j', (include, topLogprobs, fields) => {
  expect(chatLogprobsFieldsOf(include, topLogprobs)).toEqual(fields);
  const { chatRequest } = chatTranslationOf({ model: 'chat', input: 'Hi', include, top_logprobs: topLogprobs } as ResponsesRequest);
  expect({ logprobs: chatRequest.logprobs, top_logprobs: chatRequest.top_logprobs }).toEqual({ logprobs: fields.logprobs, top_logprobs: fields.top_logprobs });
});

test("a token's bytes as sent, else its text's UTF-8; a token without text or logprob is skipped; another vendor's shape is none", () => {
  const content = [{ token: 'é', logprob: -0.5, bytes: null, top_logprobs: [{ token: 'e', logprob: -2 }, { logprob: -3 }] }, { token: 'x' }];
  expect(responsesLogprobsOf({ content, refusal: null } as never)).toEqual([{ token: 'é', logprob: -0.5, bytes: [195, 169], top_logprobs: [{ token: 'e', logprob: -2, bytes: [101] }] }]);
  expect(responsesLogprobsOf({ tokens: ['a'], token_logprobs: [-1] } as never)).toBeUndefined();
  expect(responsesLogprobsOf(null)).toBeUndefined();
});

test("a stream's tokens join on the part they came with; text without tokens adds none, and a refusal part has none", () => {
  const fold = new ResponsesStreamFold(settingsOf({ model: 'chat', input: 'Hi' }));
  const chunk = (delta: Partial<ChatChunk['choices'][number]['delta']>, tokens?: { token: string; logprob: number }[], finish: string | null = null): ChatChunk =>
    ({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish, ...(tokens ? { logprobs: { content: tokens.map((token) => ({ ...token, top_logprobs: [] })) } } : {}) }] }) as ChatChunk;
  const events = [
    ...fold.chunk(chunk({ content: 'Oui' }, [{ token: 'Oui', logprob: -0.1 }])),
    ...fold.chunk(chunk({ content: '.' })),
    ...fold.chunk(chunk({ content: '!' }, [{ token: '!', logprob: -1 }])),
    ...fold.chunk(chunk({ refusal: 'Non.' }, undefined, 'stop')),
    ...fold.end(),
  ] as { type: string; logprobs?: { token: string }[]; response?: { output: { content: { logprobs?: unknown[] }[] }[] } }[];
  expect(events.filter((event) => event.type === 'response.output_text.delta').map((event) => event.logprobs?.map(({ token }) => token))).toEqual([['Oui'], [], ['!']]);
  expect(events.find((event) => event.type === 'response.output_text.done')?.logprobs?.map(({ token }) => token)).toEqual(['Oui', '!']);
  const [text, refusal] = events.at(-1)!.response!.output[0].content;
  expect(text.logprobs).toEqual([
    { token: 'Oui', logprob: -0.1, bytes: [79, 117, 105], top_logprobs: [] },
    { token: '!', logprob: -1, bytes: [33], top_logprobs: [] },
  ]);
  expect(refusal).toEqual({ type: 'refusal', refusal: 'Non.' });
});

test("a chat error on logprobs names the include value that asked; the client's own logprobs key is itself", () => {
  const error = GatewayError.invalidParam("The parameter 'logprobs' is not supported by Anthropic.", 'logprobs');
  const asked = chatTranslationOf({ model: 'chat', input: 'Hi', include: ['web_search_call.action.sources', INCLUDE] });
  expect(inResponsesTerms(error, asked.sources)).toMatchObject({ param: 'include[1]', message: "The parameter 'include[1] (message.output_text.logprobs)' is not supported by Anthropic." });
  const own = chatTranslationOf({ model: 'chat', input: 'Hi', logprobs: true } as ResponsesRequest);
  expect(inResponsesTerms(error, own.sources)).toBe(error);
});
