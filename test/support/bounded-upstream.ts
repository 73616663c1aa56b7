/**
 * The HTTP transport (createUpstream) of an OpenAI endpoint over a fake server, its answers bounded
 * by `maxAnswerBytes`: for the transport's unit tests. Call at a test file's top level: it registers
 * the jest hooks that close each test's server, and the pools after the file.
 */
import { openaiErrorMessage } from '../../src/providers/openai';
import { closeAllPools, createUpstream, type Upstream } from '../../src/providers/transport/http';
import { startFakeUpstream, type FakeUpstream, type UpstreamHandler } from './fake-upstream';
import { TEST_TIMEOUTS } from './timeouts';

export function boundedOpenaiUpstreams(maxAnswerBytes: number): { readonly fake: FakeUpstream; answering(handler: UpstreamHandler): Promise<Upstream> } {
  let current: FakeUpstream | null = null;
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  afterAll(() => closeAllPools());
  return {
    /** The current test's fake server. */
    get fake(): FakeUpstream {
      if (current === null) throw new Error('no fake upstream: call answering() first');
      return current;
    },
    async answering(handler: UpstreamHandler): Promise<Upstream> {
      current = await startFakeUpstream(handler);
      return createUpstream({
        baseUrl: `${current.url}/v1`,
        headers: { Authorization: 'Bearer sk-test-0123456789' },
        endpointName: 'my-chat',
        providerName: 'OpenAI',
        errorMessage: openaiErrorMessage,
        timeouts: TEST_TIMEOUTS,
        maxAnswerBytes,
      });
    },
  };
}
