/** The shared setup of the provider end-to-end tests: fake vendor upstreams, a gateway calling them, an OpenAI client. */
import OpenAI from 'openai';
import type { Logger } from '../../src/server/logging';
import { startFakeUpstream, type FakeUpstream, type UpstreamHandler } from './fake-upstream';
import { startGateway, type RunningGateway } from './gateway';

/** The official OpenAI client on a gateway's `/v1`; no retries, so a test sees each error once. */
export function openaiClientFor(gateway: RunningGateway): OpenAI {
  return new OpenAI({ apiKey: 'client-side-key-unused', baseURL: `${gateway.url}/v1`, maxRetries: 0 });
}

export interface GatewayWithUpstreams<Vendor extends string> {
  /** Filled before the tests run; the object itself never changes, so it can be destructured at load. */
  readonly upstreams: Record<Vendor, FakeUpstream>;
  readonly gateway: RunningGateway;
  readonly openai: OpenAI;
}

/**
 * Registers the jest hooks of a provider end-to-end (or contract) file. Before all: one fake upstream
 * per handler, then a gateway from `config(urls)` with `env`, `validateResponses` and `logger`. Before each:
 * recorded requests cleared and each upstream's handler restored (tests may replace it). After all:
 * everything closed.
 */
export function useGatewayWithUpstreams<Vendor extends string>(options: {
  upstreams: Record<Vendor, UpstreamHandler>;
  config: (urls: Record<Vendor, string>) => string;
  env?: NodeJS.ProcessEnv;
  validateResponses?: boolean;
  /** Gets the gateway's log lines (a `captureLog()` logger); silent by default. */
  logger?: Logger;
}): GatewayWithUpstreams<Vendor> {
  const vendors = Object.keys(options.upstreams) as Vendor[];
  const upstreams = {} as Record<Vendor, FakeUpstream>;
  let gateway: RunningGateway | undefined;
  let openai: OpenAI | undefined;

  beforeAll(async () => {
    for (const vendor of vendors) upstreams[vendor] = await startFakeUpstream(options.upstreams[vendor]);
    const urls = Object.fromEntries(vendors.map((vendor) => [vendor, upstreams[vendor].url])) as Record<Vendor, string>;
    const { env, validateResponses, logger } = options;
    // No `logger` key without one: startGateway's silent default would be replaced by undefined.
    gateway = await startGateway(options.config(urls), { env, validateResponses, ...(logger ? { logger } : {}) });
    openai = openaiClientFor(gateway);
  });
  beforeEach(() => {
    for (const vendor of vendors) {
      upstreams[vendor].requests.length = 0;
      upstreams[vendor].setHandler(options.upstreams[vendor]);
    }
  });
  afterAll(async () => {
    await gateway?.close();
    await Promise.all(vendors.map((vendor) => upstreams[vendor]?.close()));
  });

  const started = <Value>(value: Value | undefined): Value => {
    if (value === undefined) throw new Error('useGatewayWithUpstreams: the gateway starts in beforeAll; read it inside a test or hook');
    return value;
  };
  return {
    upstreams,
    get gateway() {
      return started(gateway);
    },
    get openai() {
      return started(openai);
    },
  };
}
