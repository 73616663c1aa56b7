/**
 * Which thinking request a Claude model takes, decided from its name at config load: Claude 4.6 and
 * later (and the families born after it, Mythos and Fable) take adaptive thinking, the older ones
 * only a budget; a name without a version keeps the budget form.
 * https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-adaptive-thinking.html
 * https://platform.claude.com/docs/en/build-with-claude/adaptive-thinking
 */
import { claudeThinkingFormOf } from '../../../../src/providers/shared/claude-thinking-form';

describe('claudeThinkingFormOf', () => {
  test.each([
    // Anthropic API ids and aliases
    ['claude-opus-4-6', 'adaptive'],
    ['claude-sonnet-4-6', 'adaptive'],
    ['claude-opus-4-7', 'adaptive'],
    ['claude-sonnet-5', 'adaptive'],
    ['claude-opus-5', 'adaptive'],
    ['claude-mythos-preview', 'adaptive'],
    ['claude-fable-5', 'adaptive'],
    ['claude-haiku-4-5-20251001', 'budget'],
    ['claude-sonnet-4-5', 'budget'],
    ['claude-sonnet-4-5-20250929', 'budget'],
    ['claude-opus-4-1-20250805', 'budget'],
    ['claude-opus-4-20250514', 'budget'],
    ['claude-opus-4-0', 'budget'],
    ['claude-3-7-sonnet-20250219', 'budget'],
    ['claude-3-5-haiku-latest', 'budget'],
    ['Claude-Opus-4-6', 'adaptive'],
    // Bedrock model ids, inference profiles and ARNs
    ['anthropic.claude-opus-4-6-v1', 'adaptive'],
    ['us.anthropic.claude-opus-4-6-v1', 'adaptive'],
    ['anthropic.claude-sonnet-4-6', 'adaptive'],
    ['anthropic.claude-opus-4-7', 'adaptive'],
    ['global.anthropic.claude-sonnet-5', 'adaptive'],
    ['anthropic.claude-mythos-5-1', 'adaptive'],
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'budget'],
    ['anthropic.claude-3-7-sonnet-20250219-v1:0', 'budget'],
    ['anthropic.claude-opus-4-20250514-v1:0', 'budget'],
    ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-7', 'adaptive'],
    ['arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-6', 'adaptive'],
    ['arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0', 'budget'],
    // No version in the name: today's budget form
    ['anthropic.claude-v2:1', 'budget'],
    ['anthropic.claude-instant-v1', 'budget'],
    ['arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6', 'budget'],
    ['my-claude-deployment', 'budget'],
  ] as const)('%s takes the %s form', (modelName, form) => {
    expect(claudeThinkingFormOf(modelName)).toBe(form);
  });
});
