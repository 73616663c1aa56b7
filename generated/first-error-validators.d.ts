/* Generated from openapi/gateway.yaml by scripts/generate.ts. Do not edit; run `npm run generate`. */
import type { ValidateFunction } from 'ajv';
export declare const validateChatRequest: ValidateFunction;
export declare const validateCompletionsRequest: ValidateFunction;
export declare const validateEmbeddingsRequest: ValidateFunction;
export declare const validateResponsesRequest: ValidateFunction;
export declare const validateChatResponse: ValidateFunction;
export declare const validateCompletionsResponse: ValidateFunction;
export declare const validateEmbeddingsResponse: ValidateFunction;
export declare const validateChatChunk: ValidateFunction;
export declare const validateCompletionsChunk: ValidateFunction;
