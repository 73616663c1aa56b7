/**
 * Anthropic's beta features, turned on per endpoint by the operator with `anthropic_beta` (a beta
 * can change what a call costs, so the config decides, never the client). Anthropic takes them as
 * the comma-separated `anthropic-beta` header (https://platform.claude.com/docs/en/api/beta-headers);
 * Claude on Amazon Bedrock as the `anthropic_beta` list of its request body, which Converse carries
 * in `additionalModelRequestFields`
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages-request-response.html).
 * Read once at config load.
 */
import { quotedJson } from '../../config/quoted';
import { ConfigKeyError } from './config-key-error';

/** What `anthropic_beta` may hold: a list of beta names, or one string of names separated by commas. */
export type AnthropicBetaSetting = string | readonly string[] | undefined;

const KEY = 'anthropic_beta';
const EXAMPLE = 'context-1m-2025-08-07';

/** Why a beta name cannot go in the header, or null when it can. */
function betaNameProblem(name: string): string | null {
  if (name === '') return 'is empty';
  if (name.includes(',')) return 'holds a comma';
  if (/\s/.test(name)) return 'holds whitespace';
  return null;
}

/**
 * The beta names of an `anthropic_beta` setting, in config order (none when it is unset). A string
 * is split at its commas, each piece trimmed (an HTTP list allows spaces around them). Throws a ConfigKeyError
 * at the setting (or the list item) naming the first name that is empty or holds a comma or
 * whitespace, which Anthropic would refuse on every call, or read as other betas.
 */
export function anthropicBetasOf(setting: AnthropicBetaSetting): string[] {
  if (setting === undefined) return [];
  if (typeof setting === 'string') {
    const names = setting.split(',').map((name) => name.trim());
    names.forEach((name, index) => {
      const problem = betaNameProblem(name);
      if (problem !== null) {
        throw new ConfigKeyError(`beta name ${index + 1} (${quotedJson(name)}) of ${quotedJson(setting)} ${problem}: give beta names separated by commas, e.g. "${EXAMPLE},interleaved-thinking-2025-05-14"`, [KEY]);
      }
    });
    return names;
  }
  setting.forEach((name, index) => {
    const problem = betaNameProblem(name);
    if (problem !== null) throw new ConfigKeyError(`${quotedJson(name)} ${problem}: each item is one beta name, e.g. ${EXAMPLE}`, [KEY, index]);
  });
  return [...setting];
}
