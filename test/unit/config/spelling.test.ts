import { closestName } from '../../../src/config/spelling';
import { issuesOf } from '../../support/config';
import { leastCpuMillisecondsOf } from '../../support/timeouts';

describe('closestName', () => {
  it('suggests the candidate a typo away, and nothing for a name far from every candidate', () => {
    expect(closestName('opnai', ['openai', 'anthropic'])).toBe('openai');
    expect(closestName('endpoint_typ', ['endpoint_type'])).toBe('endpoint_type');
    expect(closestName('gpt', ['openai', 'anthropic'])).toBeUndefined();
  });

  // CPU time, which waiting for the CPU on a loaded machine does not add to; the full edit distance took seconds.
  it('answers at once for a value far longer than any candidate, as a pasted document would be', () => {
    const took = leastCpuMillisecondsOf(() => expect(closestName('x'.repeat(200_000), ['openai', 'anthropic', 'amazon-bedrock'])).toBeUndefined(), 500);
    expect(took).toBeLessThan(500);
  });

  it('keeps a config with a provider name of 200,000 characters quick to refuse', () => {
    const took = leastCpuMillisecondsOf(() => {
      const issues = issuesOf(`endpoints:\n  - {name: chat, endpoint_type: llm/v1/chat, model: {provider: ${'x'.repeat(200_000)}, name: m}}\n`);
      expect(issues.map((issue) => issue.path)).toEqual(['endpoints[0].model.provider']);
    }, 1_000);
    expect(took).toBeLessThan(1_000);
  });
});
