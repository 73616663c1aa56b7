/**
 * The tests every e2e file of a pre-call refusal shares: messages a provider refuses after the call are
 * a 400 naming the client's field before any call, through the official openai client (streamed and
 * not) and the MLflow route, and a FALLBACK route moves past that destination to the next. Each file
 * keeps its fake vendor, its messages, its expected words and the case that still reaches the vendor.
 */
import type OpenAI from 'openai';
import { openaiErrorOf } from './errors';

export interface PreCallRefusal {
  /** The gateway and its client, from useGatewayWithUpstreams or useGatewayWithFakeBedrock. */
  setup: { readonly openai: OpenAI; readonly gateway: { url: string } };
  /** The endpoint whose provider refuses the messages. */
  endpoint: string;
  /** What is refused and what the 400 names, the start of the tests' title: 'a tool run stopped by the user: a 400 naming the unanswered call'. */
  title: string;
  messages: OpenAI.ChatCompletionMessageParam[];
  tools?: OpenAI.ChatCompletionTool[];
  param: string;
  message: string;
  /** How many calls the fakes got for the endpoint's vendor. */
  refusedCalls: () => number;
  /** A FALLBACK route from the endpoint (`past` names its vendor) to a destination that takes the messages, and how many calls that one got. */
  fallback?: { route: string; past: string; nextCalls: () => number };
}

/** Registers the tests of a refusal: the openai client with stream false and true, the MLflow route, and the FALLBACK route if any. */
export function preCallRefusalTests({ setup, endpoint, title, messages, tools, param, message, refusedCalls, fallback }: PreCallRefusal): void {
  const nothingSent = () => {
    expect(refusedCalls()).toBe(0);
    if (fallback) expect(fallback.nextCalls()).toBe(0);
  };

  test.each([false, true])(`${title}, nothing sent (stream: %s)`, async (stream) => {
    const { status, error } = await openaiErrorOf(setup.openai.chat.completions.create({ model: endpoint, messages, tools, stream }));
    expect(status).toBe(400);
    expect(error).toEqual({ message, type: 'invalid_request_error', param, code: 'invalid_value' });
    nothingSent();
  });

  test('the MLflow route: a 400 with the same words', async () => {
    const answer = await fetch(`${setup.gateway.url}/endpoints/${endpoint}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages, tools }) });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ detail: message });
    nothingSent();
  });

  if (fallback) {
    test(`a FALLBACK route moves past ${fallback.past} to the next destination`, async () => {
      const completion = await setup.openai.chat.completions.create({ model: fallback.route, messages, tools });
      expect(completion.choices).toHaveLength(1);
      expect(refusedCalls()).toBe(0);
      expect(fallback.nextCalls()).toBe(1);
    });
  }
}
