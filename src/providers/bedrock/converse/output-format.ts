/**
 * OpenAI's `response_format` as Converse's structured outputs, `outputConfig.textFormat`
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/structured-output.html,
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_OutputFormat.html): a
 * `json_schema` format's schema goes whole, as the JSON text Converse takes, with its name and
 * description; `text` sends nothing (the default); `json_object` is a 400 (Converse's only type is
 * `json_schema`). Claude's schema is reshaped as on the Anthropic provider (shared/claude-output-schema.ts:
 * it is Anthropic's grammar, with its limits); other families' goes as sent. Which models take it is
 * AWS's to decide (a ValidationException otherwise).
 */
import type { OutputConfig } from '@aws-sdk/client-bedrock-runtime';
import { GatewayError } from '../../../errors';
import type { ChatRequest } from '../../../schema';
import { toClaudeOutputSchema } from '../../shared/claude-output-schema';
import { isRecord } from '../../shared/json';
import { jsonSchemaFormatOf } from '../../shared/response-format';
import type { BedrockFamily } from '../families';
import { providerLabel } from '../shared';

export function toConverseOutputConfig(request: ChatRequest, family: BedrockFamily): { outputConfig?: OutputConfig } {
  const format = jsonSchemaFormatOf(request.response_format, providerLabel(family));
  if (format === null) return {};
  // Claude's own output_config goes to the model as a native field; two formats would contradict.
  if (isRecord(request.output_config) && request.output_config.format !== undefined) {
    throw GatewayError.invalidParam(`Set either 'response_format' or 'output_config.format' for ${providerLabel(family)}, not both: they are the same setting.`, 'response_format');
  }
  const { name, description } = format;
  // family.thinking marks Claude, as for its stop sequences (request.ts).
  const schema = family.thinking ? toClaudeOutputSchema(format.schema, providerLabel(family)) : format.schema;
  const jsonSchema = { schema: JSON.stringify(schema), ...(name !== undefined ? { name } : {}), ...(description !== undefined ? { description } : {}) };
  return { outputConfig: { textFormat: { type: 'json_schema', structure: { jsonSchema } } } };
}
