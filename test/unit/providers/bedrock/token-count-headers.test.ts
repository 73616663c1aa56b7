/**
 * Bedrock's `X-Amzn-Bedrock-Input-Token-Count` / `-Output-Token-Count` response headers, copied by an
 * SDK middleware onto the output of the InvokeModel call that received them.
 */
import type { FinalizeHandler, HandlerExecutionContext, MetadataBearer } from '@smithy/types';
import { headerTokenCounts, NO_HEADER_COUNTS, tokenCountHeadersMiddleware, tokenCountsOf } from '../../../../src/providers/bedrock/token-count-headers';

describe('tokenCountsOf', () => {
  test('whole numbers from both headers; an absent or malformed one is null', () => {
    expect(tokenCountsOf({ 'x-amzn-bedrock-input-token-count': '42', 'x-amzn-bedrock-output-token-count': '0' })).toEqual({ input: 42, output: 0 });
    expect(tokenCountsOf({ 'x-amzn-bedrock-input-token-count': '42' })).toEqual({ input: 42, output: null });
    expect(tokenCountsOf({ 'x-amzn-bedrock-input-token-count': '-1', 'x-amzn-bedrock-output-token-count': '1.5' })).toBe(NO_HEADER_COUNTS);
    expect(tokenCountsOf({ 'x-amzn-bedrock-input-token-count': '' })).toBe(NO_HEADER_COUNTS);
    expect(tokenCountsOf({})).toBe(NO_HEADER_COUNTS);
  });
});

describe('tokenCountHeadersMiddleware', () => {
  const output = (): MetadataBearer => ({ $metadata: { httpStatusCode: 200, requestId: 'r' } });
  /** Runs the middleware over one response with these headers, as the SDK would. */
  async function run(commandName: string, headers: Record<string, string>): Promise<MetadataBearer> {
    const next: FinalizeHandler<object, MetadataBearer> = async () => ({ output: output(), response: { statusCode: 200, headers } });
    const handler = tokenCountHeadersMiddleware(next, { commandName } as HandlerExecutionContext);
    return (await handler({ input: {}, request: {} })).output;
  }
  const counted = { 'x-amzn-bedrock-input-token-count': '17', 'x-amzn-bedrock-output-token-count': '3' };

  test("each InvokeModel output carries its own response's counts, invisible to JSON and spreads", async () => {
    const [first, second] = await Promise.all([run('InvokeModelCommand', counted), run('InvokeModelCommand', { 'x-amzn-bedrock-input-token-count': '5' })]);
    expect(headerTokenCounts(first)).toEqual({ input: 17, output: 3 });
    expect(headerTokenCounts(second)).toEqual({ input: 5, output: null });
    expect(JSON.parse(JSON.stringify(first))).toEqual(output());
    expect(headerTokenCounts({ ...first })).toBe(NO_HEADER_COUNTS);
  });

  test('other commands, and answers without the headers, carry none', async () => {
    expect(headerTokenCounts(await run('ConverseCommand', counted))).toBe(NO_HEADER_COUNTS);
    expect(headerTokenCounts(await run('InvokeModelCommand', {}))).toBe(NO_HEADER_COUNTS);
  });
});
