/**
 * Cross-region inference profiles (`us.anthropic.…`, `eu.…`, `apac.…`, `global.…`) can be called
 * only from a source Region of their geography; from another one AWS refuses every call
 * ("The provided model identifier is invalid."), a 400 the client cannot do anything about. The
 * config load warns about such an endpoint (config/bedrock-models.ts) rather than refusing it:
 * AWS adds source Regions to a geography over time, and a warning that is out of date costs a log
 * line where a refusal would stop the gateway.
 *
 * Geographies and their Regions: https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html
 * (APAC includes the Middle East (UAE), `me-central-1`; global profiles serve every commercial Region).
 */

/** The Regions (by name pattern) that each geography prefix is served from; generous where AWS's list grows. */
const SOURCE_REGIONS: Readonly<Record<string, RegExp>> = {
  us: /^(us-(east|west)-\d+|ca-[a-z]+-\d+)$/,
  'us-gov': /^us-gov-[a-z]+-\d+$/,
  eu: /^eu-[a-z]+-\d+$/,
  apac: /^(ap|me)-[a-z]+-\d+$/,
  jp: /^ap-northeast-\d+$/,
  au: /^ap-southeast-\d+$/,
  ca: /^ca-[a-z]+-\d+$/,
  // Every commercial Region: not GovCloud, China or the isolated partitions.
  global: /^(?!us-gov-|cn-|us-iso)[a-z]+-[a-z]+-\d+$/,
};

const PROFILE_PREFIX = /^(us-gov|us|eu|apac|jp|au|ca|global)\./;

/**
 * Why `modelId` cannot be called from `region`, or null when it can (or we cannot tell: a
 * foundation model, an ARN, a geography we do not know).
 */
export function inferenceProfileRegionMismatch(modelId: string, region: string): string | null {
  const geography = PROFILE_PREFIX.exec(modelId.toLowerCase())?.[1];
  if (geography === undefined) return null;
  if (SOURCE_REGIONS[geography].test(region.toLowerCase())) return null;
  return `Amazon Bedrock model '${modelId}' is a cross-region inference profile of the '${geography}' geography, which is not called from the Region '${region}': AWS will refuse its calls as an invalid model identifier. Use the profile of the Region's geography, or an aws_region of the profile's`;
}
