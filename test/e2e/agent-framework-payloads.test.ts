/**
 * Agent frameworks pointed at the gateway's `/v1` (baseURL = gateway/v1, model = endpoint name), with
 * the request bodies they send, against fake vendor upstreams that refuse what the vendor refuses.
 * Each payload names the framework source it is taken from.
 */
import type { ServerResponse } from 'node:http';
import { sendJson, type RecordedRequest } from '../support/fake-upstream';
import { serveMistralFixtures } from '../support/fixture-upstreams';
import { useGatewayWithUpstreams } from '../support/gateway-with-upstreams';

type WireMessage = { role: string; name?: unknown };

/**
 * Mistral's request schema forbids unknown fields; only its tool messages have a `name`
 * (mistralai/client-python src/mistralai/models/{usermessage,systemmessage,assistantmessage,toolmessage}.py).
 * The 422 is the one Mistral answers (Gage-Technologies/mistral-go#3, nomtek/mistralai_client_dart#44).
 */
function serveStrictMistral(request: RecordedRequest, response: ServerResponse): void {
  const messages = ((request.body as { messages?: WireMessage[] }).messages ?? []);
  const named = messages.findIndex((message) => message.role !== 'tool' && message.name !== undefined);
  if (named >= 0) {
    const role = messages[named].role;
    const detail = [{ type: 'extra_forbidden', loc: ['body', 'messages', named, role, 'name'], msg: 'Extra inputs are not permitted', input: messages[named].name }];
    return sendJson(response, 422, { object: 'error', message: { detail }, type: 'invalid_request_error', param: null, code: null });
  }
  serveMistralFixtures(request, response);
}

const setup = useGatewayWithUpstreams({
  upstreams: { mistral: serveStrictMistral },
  config: (urls) => `endpoints:
  - name: mistral-chat
    endpoint_type: llm/v1/chat
    model:
      provider: mistral
      name: mistral-large-latest
      config: { mistral_api_key: $MISTRAL_KEY, mistral_api_base: "${urls.mistral}/v1" }
`,
  env: { MISTRAL_KEY: 'mi-TESTKEY-never-shown' },
});

async function postChat(body: unknown) {
  const response = await fetch(`${setup.gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('LangChain / LangGraph named messages', () => {
  // langchain-ai/langchain libs/partners/openai/langchain_openai/chat_models/base.py, _convert_message_to_dict:
  // `if (name := message.name or ...) is not None: message_dict["name"] = name` on every role but tool
  // (whose dict keeps only content, role and tool_call_id); LangGraph's agents name their AI messages.
  const langGraphHistory = {
    model: 'mistral-chat',
    messages: [
      { role: 'system', content: 'You are a research assistant.', name: 'supervisor' },
      { role: 'user', content: 'Weather in Paris?', name: 'alice' },
      { role: 'assistant', content: null, name: 'weather_agent', tool_calls: [{ id: 'call_abc123', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', content: '{"temp":21}', tool_call_id: 'call_abc123', name: 'get_weather' },
    ],
  };

  test("Mistral: `name` is left out of system, user and assistant messages, which Mistral refuses it on; a tool message's name is kept", async () => {
    const answer = await postChat(langGraphHistory);
    expect(answer.status).toBe(200);
    const sent = setup.upstreams.mistral.requests[0].body as { messages: WireMessage[] };
    expect(sent.messages.map((message) => [message.role, message.name])).toEqual([
      ['system', undefined],
      ['user', undefined],
      ['assistant', undefined],
      ['tool', 'get_weather'],
    ]);
  });
});
