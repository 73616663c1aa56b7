/** Tool-call ids that vendors with a strict id syntax refuse, and the digest the gateway sends instead. */
import { createHash } from 'node:crypto';
import { geminiToolCallId } from '../../src/providers/gemini';
import type { ChatRequest } from '../../src/schema';

/** A Gemini tool call's id: it carries the call's thought signature (base64: `+`, `/`, `=`). */
export const SIGNED_GEMINI_TOOL_CALL_ID = geminiToolCallId({
  call: { name: 'get_weather', args: { location: 'Paris, France' } },
  thoughtSignature: 'CrsBAdHtim9bZ0pXW3Xn0xQ8s5nOcdVbJw7yq4cV2fL8pK1mHh3RzT6uY0eG9wA2iB7jN4oD5kE1lF8vC3x+S6tM0aPqR9bU2nW7yZ4hJ1gK5dL8fX3cV6mB0sQ==',
  responseId: '7lBFaaq0M-LUnvgPrv6ekAs',
  candidateIndex: 0,
  callIndex: 0,
});

/** What src/providers/shared/tool-call-ids.ts sends for an id the vendor would refuse. */
export const toolCallIdDigest = (id: string) => `call_${createHash('sha256').update(id).digest('hex').slice(0, 24)}`;

/** A chat history with one tool call per id (the first a weather call, the rest time calls), each answered. */
export function historyWithToolCalls(ids: readonly string[]): ChatRequest {
  return {
    messages: [
      { role: 'user', content: 'Weather in Paris, and the time?' },
      {
        role: 'assistant',
        tool_calls: ids.map((id, index) =>
          index === 0
            ? { id, type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris, France"}' } }
            : { id, type: 'function', function: { name: 'get_time', arguments: '{}' } },
        ),
      },
      ...ids.map((id, index) => ({ role: 'tool' as const, tool_call_id: id, content: index === 0 ? '18°C' : '12:00' })),
    ],
  };
}
