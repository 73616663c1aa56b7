/**
 * A search model's answer (test/fixtures/openai/chat-web-search.*): its text and url citations, in the
 * chat shape and the Responses API's, and a fake OpenAI upstream that serves it, for the web search tests.
 */
import type { ServerResponse } from 'node:http';
import { sendJson, sendStream, type RecordedRequest } from './fake-upstream';
import { readFixtureBytes, readJsonFixture } from './fixtures';

export type ChatCitation = { type: 'url_citation'; url_citation: { url: string; title: string; start_index: number; end_index: number } };
type SearchAnswer = { choices: { message: { content: string; annotations: ChatCitation[] }; finish_reason: string }[] };

/** A fresh copy of the answer (tests may change it). */
export const searchAnswer = (): SearchAnswer => readJsonFixture<SearchAnswer>('openai', 'chat-web-search.response.json');

export const { content: SEARCH_TEXT, annotations: SEARCH_CITATIONS } = searchAnswer().choices[0].message;

/** The citations in the Responses shape: the `url_citation` fields a level up. */
export const RESPONSES_SEARCH_CITATIONS = SEARCH_CITATIONS.map(({ url_citation: { url, title, start_index: start, end_index: end } }) => ({
  type: 'url_citation',
  start_index: start,
  end_index: end,
  url,
  title,
}));

/** A search model: its stream when asked for one, else its answer. */
export function fakeSearchModel(request: RecordedRequest, response: ServerResponse): void {
  if ((request.body as { stream?: boolean }).stream) sendStream(response, readFixtureBytes('openai', 'chat-web-search.stream.sse'));
  else sendJson(response, 200, searchAnswer());
}

/** Endpoints `search` (OpenAI's gpt-4o-search-preview) and `claude` (Anthropic) on the fake upstreams. */
export const searchAndClaudeConfig = (urls: { openai: string; anthropic: string }): string => `
endpoints:
  - name: search
    endpoint_type: llm/v1/chat
    model:
      provider: openai
      name: gpt-4o-search-preview
      config: { openai_api_key: sk-test, openai_api_base: "${urls.openai}/v1" }
  - name: claude
    endpoint_type: llm/v1/chat
    model:
      provider: anthropic
      name: claude-sonnet-4-5
      config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${urls.anthropic}/v1" }
`;
