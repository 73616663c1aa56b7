import { aliasBomb, issuesOf, loadInline } from '../../support/config';
import { leastCpuMillisecondsOf } from '../../support/timeouts';

const CHAT = 'endpoints:\n  - {name: chat, endpoint_type: llm/v1/chat, model: {provider: mock, name: m}}\n';

describe('aliases', () => {
  it('refuses an alias inside the value it names, at the alias, instead of overflowing the stack', () => {
    const text = `${CHAT}shared: &loop\n  again: [*loop]\n`;
    expect(issuesOf(text)).toEqual([
      { path: 'shared.again[0]', message: 'is an alias (*name) of a value that holds it: a config cannot contain itself, write the value out instead' },
    ]);
  });

  it('refuses anchors aliasing each other into a value nested thousands of levels deep', () => {
    const chain = Array.from({ length: 20_000 }, (_, index) => (index === 0 ? 'a0: &a0 {x: 1}' : `a${index}: &a${index} {x: *a${index - 1}}`)).join('\n');
    const [issue, ...others] = issuesOf(`${chain}\n${CHAT}`);
    expect(others).toEqual([]);
    expect(issue.path).toMatch(/^a\d+(\.x)+$/);
    expect(issue.message).toContain('more than 100 levels deep once its aliases (*name) are read');
  });

  it('still reads an anchor aliased in many places, and nested aliases of reasonable depth', () => {
    const text = `x-model: &model {provider: mock, name: m}\nx-limit: &limit {renewal_period: minute, calls: 5}\nendpoints:\n${['a', 'b', 'c'].map((name) => `  - {name: ${name}, endpoint_type: llm/v1/chat, model: *model, limit: *limit}`).join('\n')}\n`;
    expect(loadInline(text).endpoints.map((endpoint) => endpoint.limit?.calls)).toEqual([5, 5, 5]);
  });
});

describe('an alias bomb', () => {
  // CPU time, which waiting for the CPU on a loaded machine does not add to.
  it('is refused at once, at the value that grows past a million values, without building it', () => {
    const refusal = { path: 'lol5', message: 'holds more than 1,000,000 values once its aliases (*name) are read (each alias of an alias multiplies them): check which anchor each alias names' };
    const took = leastCpuMillisecondsOf(() => expect(issuesOf(`${aliasBomb(7)}\n${CHAT}`)).toEqual([refusal]), 1_000);
    expect(took).toBeLessThan(1_000);
  });

  it('inside an endpoint is refused too, at its place there', () => {
    const text = `${aliasBomb(5)}\nendpoints:\n  - {name: chat, endpoint_type: llm/v1/chat, model: {provider: mock, name: m}, x-notes: [*lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4]}\n`;
    expect(issuesOf(text).map((issue) => issue.path)).toEqual(['endpoints[0].x-notes']);
  });

  it('leaves aliases of aliases below the bound to load', () => {
    expect(loadInline(`${aliasBomb(5)}\n${CHAT}`).endpoints).toHaveLength(1);
  });
});
