/* Generated from config-schema/gateway-config.schema.json by scripts/generate.ts. Do not edit; run `npm run generate`. */
import type { ValidateFunction } from 'ajv';
declare const validate: ValidateFunction;
export default validate;
