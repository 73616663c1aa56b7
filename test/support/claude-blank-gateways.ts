/**
 * A gateway with one chat endpoint `claude` on a fake Anthropic Messages API and one on a fake Bedrock
 * Converse, both on 127.0.0.1 and both refusing blank text as the vendors do (claude-blank-refusals.ts),
 * else answering their chat fixture: the set-up of the blank-text tests (test/e2e/blank-*.test.ts).
 */
import type { ServerResponse } from 'node:http';
import { anthropicBlankTextRefusal, anthropicRefusalBody, converseBlankTextRefusal } from './claude-blank-refusals';
import type { BedrockCall, BedrockReply } from './fake-bedrock';
import { sendJson, type RecordedRequest } from './fake-upstream';
import { readJsonFixture } from './fixtures';
import { fakeAwsConfig, useGatewayWithFakeBedrock } from './gateway-with-fake-bedrock';
import { useGatewayWithUpstreams } from './gateway-with-upstreams';

/** Both gateways, started before the file's tests; `requestId` is the one Anthropic's refusals carry. */
export function useClaudeGatewaysRefusingBlankText(requestId: string) {
  const anthropic = (request: RecordedRequest, response: ServerResponse): void => {
    const refusal = anthropicBlankTextRefusal(request.body as Parameters<typeof anthropicBlankTextRefusal>[0]);
    if (refusal !== null) return sendJson(response, 400, { ...anthropicRefusalBody(refusal), request_id: requestId });
    sendJson(response, 200, readJsonFixture('anthropic', 'chat.response.json'));
  };
  const converse = (call: BedrockCall): BedrockReply =>
    converseBlankTextRefusal(call.body as Parameters<typeof converseBlankTextRefusal>[0]) ?? { json: readJsonFixture('bedrock', 'converse-chat.response.json') };

  const anthropicSetup = useGatewayWithUpstreams({
    upstreams: { anthropic },
    config: ({ anthropic: url }) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: anthropic, name: claude-sonnet-4-5, config: { anthropic_api_key: sk-ant-test, anthropic_api_base: "${url}/v1" } }
`,
    validateResponses: true,
  });
  const bedrockSetup = useGatewayWithFakeBedrock({
    serve: converse,
    config: (url) => `
endpoints:
  - name: claude
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: "us.anthropic.claude-sonnet-4-5-20250929-v1:0", config: { aws_config: ${fakeAwsConfig(url)} } }
`,
    validateResponses: true,
  });
  return { anthropicSetup, bedrockSetup };
}
