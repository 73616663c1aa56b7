/**
 * OpenAI's `response_format` read for vendors whose structured outputs take a JSON Schema only
 * (Anthropic's `output_config.format`, Bedrock Converse's `outputConfig.textFormat`): they have no
 * JSON mode without a schema, and plain text is what they answer anyway. Gemini, which has a JSON
 * mode, reads its `json_schema` formats here too.
 */
import { GatewayError } from '../../errors';
import { isRecord } from './json';

/** The parts of `response_format.json_schema` a vendor can carry. */
export interface JsonSchemaFormat {
  schema: Record<string, unknown>;
  name?: string;
  description?: string;
}

/**
 * The JSON Schema the answer must follow; null for no `response_format` or `{"type": "text"}`
 * (the vendor's default, so nothing is lost). `json_object`, another type or a `json_schema`
 * without a schema object is a 400 naming the field.
 */
export function jsonSchemaFormatOf(responseFormat: unknown, provider: string): JsonSchemaFormat | null {
  if (responseFormat === undefined) return null;
  const type = isRecord(responseFormat) ? responseFormat.type : undefined;
  if (type === 'text') return null;
  if (type === 'json_object') {
    throw GatewayError.invalidParam(
      `'response_format' of type 'json_object' is not supported by ${provider}, whose structured outputs need a schema: send {"type": "json_schema", "json_schema": {"name": ..., "schema": {...}}}.`,
      'response_format.type',
    );
  }
  if (type !== 'json_schema') throw GatewayError.invalidParam(`'response_format.type' must be text or json_schema for ${provider}.`, 'response_format.type');
  const definition = isRecord(responseFormat) && isRecord(responseFormat.json_schema) ? responseFormat.json_schema : {};
  if (!isRecord(definition.schema)) throw GatewayError.invalidParam("'response_format.json_schema.schema' must be a JSON Schema object.", 'response_format.json_schema.schema');
  return {
    schema: definition.schema,
    ...(typeof definition.name === 'string' ? { name: definition.name } : {}),
    ...(typeof definition.description === 'string' ? { description: definition.description } : {}),
  };
}
