/** The shared setup of Bedrock end-to-end files: the fake Bedrock, a gateway calling it, an OpenAI client. */
import type OpenAI from 'openai';
import { startFakeBedrock, type BedrockHandler, type FakeBedrock } from './fake-bedrock';
import { startGateway, type RunningGateway } from './gateway';
import { openaiClientFor } from './gateway-with-upstreams';

/** An `aws_config` that sends an endpoint's calls to the fake, signed with static test credentials. */
export const fakeAwsConfig = (fakeUrl: string, region = 'us-east-1'): string =>
  `{ aws_region: ${region}, aws_endpoint_url: "${fakeUrl}", aws_access_key_id: AKIAEXAMPLE, aws_secret_access_key: secret }`;

export interface GatewayWithFakeBedrock {
  readonly fake: FakeBedrock;
  readonly gateway: RunningGateway;
  readonly openai: OpenAI;
}

/**
 * Registers the jest hooks: before all, the fake Bedrock answering with `serve` and a gateway from
 * `config(fakeUrl)`; before each, the recorded calls cleared; after all, both closed. Read the
 * fields inside tests and hooks.
 */
export function useGatewayWithFakeBedrock(options: { serve: BedrockHandler; config: (fakeUrl: string) => string; validateResponses?: boolean }): GatewayWithFakeBedrock {
  let running: { fake: FakeBedrock; gateway: RunningGateway; openai: OpenAI } | undefined;
  beforeAll(async () => {
    const fake = await startFakeBedrock(options.serve);
    const gateway = await startGateway(options.config(fake.url), { validateResponses: options.validateResponses });
    running = { fake, gateway, openai: openaiClientFor(gateway) };
  });
  beforeEach(() => {
    if (running) running.fake.calls.length = 0;
  });
  afterAll(async () => {
    await running?.gateway.close();
    await running?.fake.close();
  });
  const started = () => {
    if (running === undefined) throw new Error('useGatewayWithFakeBedrock: the gateway starts in beforeAll; read it inside a test or hook');
    return running;
  };
  return {
    get fake() {
      return started().fake;
    },
    get gateway() {
      return started().gateway;
    },
    get openai() {
      return started().openai;
    },
  };
}
