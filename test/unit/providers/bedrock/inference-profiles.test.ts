/**
 * A cross-region inference profile of another geography than the endpoint's Region: AWS refuses
 * every call of it, so the config load warns (not refuses: AWS adds source Regions over time).
 * Read through the loader and the start-up warnings, as the CLI logs them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, warnAboutConfig } from '../../../../src/server/reload';
import { inferenceProfileRegionMismatch } from '../../../../src/providers/bedrock/inference-profiles';
import { captureLog, type LogLine } from '../../../support/log-capture';

const endpoint = (name: string, model: string, awsConfig: string) => `
  - name: ${name}
    endpoint_type: llm/v1/chat
    model: { provider: bedrock, name: "${model}", config: { aws_config: ${awsConfig} } }`;

/** The warning lines logged for `endpoints`, at start-up, with `AWS_REGION` as given (and no `AWS_DEFAULT_REGION`). */
async function warningsFor(endpoints: string, awsRegion?: string): Promise<string[]> {
  const saved = { ...process.env };
  const path = join(mkdtempSync(join(tmpdir(), 'bedrock-profiles-')), 'gateway.yaml');
  writeFileSync(path, `endpoints:${endpoints}\n`);
  delete process.env.AWS_DEFAULT_REGION;
  if (awsRegion === undefined) delete process.env.AWS_REGION;
  else process.env.AWS_REGION = awsRegion;
  try {
    const log = captureLog();
    warnAboutConfig(await loadConfig(path, log.logger), path, log.logger);
    return log.lines.map((line) => (JSON.parse(line) as LogLine).msg.slice(path.length + 2));
  } finally {
    process.env = saved;
  }
}

test("a profile of another geography than aws_region (or AWS_REGION) is a start-up warning naming the endpoint, the model and the Region", async () => {
  const warnings = await warningsFor(
    endpoint('claude-us-from-paris', 'us.anthropic.claude-sonnet-4-20250514-v1:0', '{ aws_region: eu-west-3 }') +
      endpoint('nova-eu-from-env', 'eu.amazon.nova-lite-v1:0', '{}'),
    'ap-northeast-1',
  );
  expect(warnings).toEqual([
    "endpoints[0].model.name: endpoint 'claude-us-from-paris': Amazon Bedrock model 'us.anthropic.claude-sonnet-4-20250514-v1:0' is a cross-region inference profile of the 'us' geography, which is not called from the Region 'eu-west-3': AWS will refuse its calls as an invalid model identifier. Use the profile of the Region's geography, or an aws_region of the profile's",
    "endpoints[1].model.name: endpoint 'nova-eu-from-env': Amazon Bedrock model 'eu.amazon.nova-lite-v1:0' is a cross-region inference profile of the 'eu' geography, which is not called from the Region 'ap-northeast-1': AWS will refuse its calls as an invalid model identifier. Use the profile of the Region's geography, or an aws_region of the profile's",
  ]);
});

test('profiles of the Region\'s geography, global ones, foundation models, ARNs and an unknown Region warn nothing', async () => {
  const warnings = await warningsFor(
    endpoint('us', 'us.anthropic.claude-sonnet-4-20250514-v1:0', '{ aws_region: us-west-2 }') +
      endpoint('apac-uae', 'apac.anthropic.claude-sonnet-4-20250514-v1:0', '{ aws_region: me-central-1 }') +
      endpoint('global', 'global.anthropic.claude-sonnet-4-5-20250929-v1:0', '{ aws_region: sa-east-1 }') +
      endpoint('foundation', 'anthropic.claude-3-haiku-20240307-v1:0', '{ aws_region: eu-west-3 }') +
      endpoint('arn', 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-20250514-v1:0', '{ aws_region: eu-west-3 }') +
      endpoint('no-region', 'us.anthropic.claude-sonnet-4-20250514-v1:0', '{}'),
  );
  expect(warnings).toEqual([]);
});

test.each([
  ['us.x', 'us-east-1', true],
  ['us.x', 'us-gov-west-1', false],
  ['us-gov.x', 'us-gov-west-1', true],
  ['eu.x', 'eu-central-2', true],
  ['eu.x', 'us-east-1', false],
  ['apac.x', 'ap-southeast-7', true],
  ['jp.x', 'ap-northeast-3', true],
  ['jp.x', 'ap-south-1', false],
  ['au.x', 'ap-southeast-4', true],
  ['global.x', 'eu-north-1', true],
  ['global.x', 'us-gov-east-1', false],
  ['global.x', 'cn-north-1', false],
])('%s from %s: served %s', (model, region, served) => {
  expect(inferenceProfileRegionMismatch(model, region) === null).toBe(served);
});
