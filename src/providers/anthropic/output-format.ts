/**
 * OpenAI's `response_format` as Anthropic's structured outputs, `output_config.format`
 * (https://platform.claude.com/docs/en/build-with-claude/structured-outputs): a `json_schema`
 * format's schema goes as `{"type": "json_schema", "schema"}`, reshaped for what Claude's grammar
 * takes (shared/claude-output-schema.ts; Anthropic has no field for its `name`, `description` or
 * `strict`: its JSON outputs are always constrained), `text` sends nothing
 * (Anthropic's default), and `json_object` is a 400 (Anthropic has no JSON mode without a schema).
 */
import { GatewayError } from '../../errors';
import { toClaudeOutputSchema } from '../shared/claude-output-schema';
import { isRecord } from '../shared/json';
import { jsonSchemaFormatOf } from '../shared/response-format';

/**
 * The `output_config` to send: the client's own (with any effort already in it) plus the format
 * `response_format` asks for; unchanged without one. A client's own `output_config.format` beside
 * `response_format` is a 400: one of them would have to be dropped.
 */
export function withResponseFormat(outputConfig: unknown, responseFormat: unknown, provider: string): unknown {
  const format = jsonSchemaFormatOf(responseFormat, provider);
  if (format === null) return outputConfig;
  if (isRecord(outputConfig) && outputConfig.format !== undefined) {
    throw GatewayError.invalidParam(`Set either 'response_format' or 'output_config.format' for ${provider}, not both: they are the same setting.`, 'response_format');
  }
  return { ...(isRecord(outputConfig) ? outputConfig : {}), format: { type: 'json_schema', schema: toClaudeOutputSchema(format.schema, provider) } };
}
