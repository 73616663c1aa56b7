/** Tool-call ids that vendors with a strict id syntax refuse, and the digest the gateway sends instead. */
import { createHash } from 'node:crypto';
import { geminiToolCallId } from '../../src/providers/gemini';

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
