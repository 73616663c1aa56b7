/**
 * AWS SDK failures as GatewayErrors. The SDK raises modelled exceptions by name (also mid-stream,
 * where an exception event is thrown while iterating), plus Node network errors and its own
 * `TimeoutError`. Credentials never appear in a message: authentication failures name only the
 * endpoint and the AWS error code.
 *
 * Error codes: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html#API_runtime_Converse_Errors
 * and https://docs.aws.amazon.com/bedrock/latest/APIReference/CommonErrors.html
 */
import { GatewayError, vendorErrorOf, type VendorError } from '../../errors';
import { seconds } from '../transport/http';
import { certificateFailure } from '../transport/tls-failures';
import { AnswerTooLarge } from '../transport/whole-response';
import { EventMessageTooLarge, FirstByteTimeout, IdleTimeout, MAX_EVENT_MESSAGE_BYTES } from './answer-bounds';
import { AssumeRoleFailure } from './client';

/** The fields of an SDK or Node error we read. */
interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

/** AWS codes meaning the gateway's credentials or permissions were refused. */
const AUTH_ERRORS = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnrecognizedClientException',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationTokenException',
]);

/**
 * Bedrock's wordings of a prompt over the model's context window, all in a ValidationException:
 * Bedrock's own (`Input is too long for requested model.`), Claude's (`prompt is too long: 210000
 * tokens > 200000 maximum`, `input length and \`max_tokens\` exceed context limit: …`), Titan's
 * (`too many total text bytes`) and the OpenAI-style models' (`maximum context length is …`).
 */
const CONTEXT_TOO_LONG = /input is too long for requested model|prompt is too long|input length and `?max_tokens`? exceed context limit|too many total text bytes|maximum context length/i;

/** What OpenAI answers for a prompt over the context window: the code OpenAI clients and LangChain branch on. */
const CONTEXT_LENGTH_EXCEEDED: VendorError = { type: 'invalid_request_error', code: 'context_length_exceeded', param: null };

/** Service-side failures another attempt may get past. */
const RETRYABLE_SERVER_ERRORS = new Set(['ModelNotReadyException', 'ServiceUnavailableException', 'ServiceUnavailable', 'InternalServerException', 'ModelStreamErrorException']);

/** Node socket errors: the upstream could not be reached or dropped the connection. */
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/**
 * The Node socket error code, if this is one. The SDK's retry middleware re-wraps errors that are
 * not `Error` instances of its own realm (under test runners, for one) keeping only their text.
 */
function connectionErrorCode(shape: SdkErrorShape): string | null {
  if (shape.code !== undefined && CONNECTION_ERRORS.has(shape.code)) return shape.code;
  const quoted = /\b(E[A-Z_]+)\b/.exec(shape.message ?? '')?.[1];
  return quoted !== undefined && CONNECTION_ERRORS.has(quoted) ? quoted : null;
}

/** An answer or stream message the handler abandoned for its size (answer-bounds.ts); not retried. */
function oversizedAnswer(error: unknown, endpoint: string): GatewayError | null {
  if (error instanceof AnswerTooLarge) return error.toGatewayError('Amazon Bedrock', endpoint);
  if (error instanceof EventMessageTooLarge) {
    return GatewayError.upstreamUnavailable(
      `Amazon Bedrock sent an event-stream message of ${error.announcedBytes} bytes for endpoint '${endpoint}', more than the ${MAX_EVENT_MESSAGE_BYTES} allowed; the stream was abandoned.`,
      false,
    );
  }
  return null;
}

/** Where a Bedrock failure came from: the endpoint, its call's signal, and whether its answer had begun. */
interface FailureOptions {
  endpoint: string;
  signal: AbortSignal;
  /** Thrown while the answer's event stream was read: Bedrock had been reached. */
  answering?: boolean;
}

/**
 * Translates whatever a Bedrock call threw. The abort reason passes through unchanged when the
 * client went away (nobody reads it); GatewayErrors pass through.
 */
export function bedrockErrorToGateway(error: unknown, options: FailureOptions): unknown {
  if (error instanceof AssumeRoleFailure) return assumeRoleError(error.cause, options);
  return awsErrorToGateway(error, options, 'Amazon Bedrock');
}

/** `service`: the AWS service that failed, as messages name it (Bedrock, or STS for a role). */
function awsErrorToGateway(error: unknown, options: FailureOptions, service: string): unknown {
  const { endpoint, signal } = options;
  if (signal.aborted) return signal.reason ?? error;
  if (error instanceof GatewayError) return error;
  const oversized = oversizedAnswer(error, endpoint);
  if (oversized !== null) return oversized;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorShape;
  const name = shape.name ?? 'Error';
  const status = shape.$metadata?.httpStatusCode;
  const awsMessage = shape.message ?? name;
  const forEndpoint = `for endpoint '${endpoint}'`;
  // The AWS exception name (`ValidationException`, `ThrottlingException`) is the code shown on `/v1` for a refused request.
  const vendorError = vendorErrorOf({ code: shape.name });

  // `Throttling`: STS's spelling (AssumeRole for `aws_role_arn`).
  if (name === 'ServiceQuotaExceededException') return quotaExceeded({ service, forEndpoint, awsMessage });
  if (name === 'ThrottlingException' || name === 'Throttling') {
    return GatewayError.upstream({ status: 429, message: `${service} is throttling requests ${forEndpoint}: ${awsMessage}`, endpoint, retryAfter: shape.$response?.headers?.['retry-after'] ?? null, vendorError });
  }
  if (name === 'CredentialsProviderError') return noCredentials(endpoint);
  if (AUTH_ERRORS.has(name) || status === 401 || status === 403) {
    return new GatewayError({
      status: 502,
      message: `${service} rejected the gateway's AWS credentials ${forEndpoint} (${name}). Ask the gateway operator to check the endpoint's aws_config and the IAM permissions and model access of its role.`,
      kind: 'upstream_error',
      code: 'upstream_auth_failed',
      // AWS's text names the principal, the action and the resource refused (ARNs, no secret): the operator's log shows it, the client never does.
      cause: error,
    });
  }
  if (name === 'ValidationException') {
    return GatewayError.upstream({ status: 400, message: awsMessage, endpoint, vendorError: CONTEXT_TOO_LONG.test(awsMessage) ? CONTEXT_LENGTH_EXCEEDED : vendorError });
  }
  if (name === 'ModelTimeoutException') return GatewayError.upstreamTimeout(`The ${service} model timed out ${forEndpoint}: ${awsMessage}`);
  if (RETRYABLE_SERVER_ERRORS.has(name)) return GatewayError.upstreamUnavailable(`${service} failed ${forEndpoint} (${name}): ${awsMessage}`, true);
  if (name === 'ResourceNotFoundException' || name === 'ModelErrorException') {
    // The configured model is wrong or broken: nothing the client can change.
    return GatewayError.upstreamUnavailable(`${service} failed ${forEndpoint} (${name}): ${awsMessage}`, false);
  }
  const certificate = certificateFailure(shape.code ?? null, `${service} could not be reached ${forEndpoint}`);
  if (certificate !== null) return GatewayError.upstreamUnavailable(certificate);
  const connectionCode = connectionErrorCode(shape);
  if (connectionCode !== null) {
    // Checked before TimeoutError: the SDK's HTTP handler also labels ECONNRESET a TimeoutError.
    // Mid-answer the connection broke, as the HTTP providers say (transport/http.ts): it had been made.
    if (options.answering === true) return GatewayError.upstreamUnavailable(`The connection to ${service} broke while it was sending its answer ${forEndpoint} (${connectionCode}).`);
    return GatewayError.upstreamUnavailable(`${service} could not be reached ${forEndpoint} (${connectionCode}).`);
  }
  if (error instanceof FirstByteTimeout) {
    return GatewayError.upstreamTimeout(`${service} sent no response within ${seconds(error.timeoutMs)} ${forEndpoint} (first_byte timeout).`);
  }
  if (error instanceof IdleTimeout) {
    return GatewayError.upstreamTimeout(`${service} stopped sending its response for ${seconds(error.timeoutMs)} ${forEndpoint} (idle timeout).`);
  }
  if (name === 'TimeoutError') return GatewayError.upstreamTimeout(`${service} did not answer in time ${forEndpoint}.`);
  if (/region is missing|region not accepted/i.test(awsMessage)) {
    return GatewayError.upstreamUnavailable(`No AWS region is configured ${forEndpoint}: set aws_config.aws_region (or AWS_REGION).`, false);
  }
  if (status !== undefined && status >= 400 && status < 500) return GatewayError.upstream({ status, message: awsMessage, endpoint, vendorError });
  return GatewayError.upstreamUnavailable(`${service} failed ${forEndpoint} (${name}${status !== undefined ? `, status ${status}` : ''}).`);
}

/**
 * ServiceQuotaExceededException (HTTP 400 from AWS): the request exceeds one of the account's service
 * quotas, which AWS says to resubmit later: a quota, not a bad request (GatewayError.quotaExceeded).
 */
function quotaExceeded(options: { service: string; forEndpoint: string; awsMessage: string }): GatewayError {
  const { service, forEndpoint, awsMessage } = options;
  return GatewayError.quotaExceeded(
    `${service} refused the call ${forEndpoint}: it exceeds a service quota of the gateway's AWS account, so the gateway does not retry it; the gateway operator can view and raise the quota in AWS Service Quotas (ServiceQuotaExceededException): ${awsMessage}`,
  );
}

/**
 * The SDK's default chain found no credentials (none in the environment, the shared files, a
 * container or instance role): AWS was never called, so nothing was refused.
 */
function noCredentials(endpoint: string): GatewayError {
  return new GatewayError({
    status: 502,
    message: `The gateway found no AWS credentials for endpoint '${endpoint}': its aws_config has no aws_access_key_id, and the AWS default chain (environment, shared credentials files, container or instance role) gave none (CredentialsProviderError). Ask the gateway operator to configure the endpoint's AWS credentials.`,
    kind: 'upstream_error',
    code: 'upstream_auth_failed',
  });
}

/**
 * STS failed the endpoint's AssumeRole: named as STS's failure, so that the operator looks at the
 * role, not at Bedrock. Its refusals (4xx: `session_length_seconds` above the role's maximum session
 * duration, a malformed role ARN, credentials not allowed to assume the role) are about the role
 * settings, never about the client's request: a 502 for the operator, not the client's 400; as for
 * Bedrock, an authentication failure's AWS text (it names the account and principal) is not shown
 * to the client, only logged.
 */
function assumeRoleError(cause: unknown, options: FailureOptions): unknown {
  const translated = awsErrorToGateway(cause, options, 'AWS STS');
  if (!(translated instanceof GatewayError) || (translated.code !== 'upstream_rejected' && translated.code !== 'upstream_auth_failed')) return translated;
  const shape = (typeof cause === 'object' && cause !== null ? cause : {}) as SdkErrorShape;
  // No credentials to sign the AssumeRole call with: STS was never called.
  if (shape.name === 'CredentialsProviderError') return translated;
  const refusal = `AWS STS refused to assume the role of endpoint '${options.endpoint}' (${shape.name ?? 'Error'})`;
  const message =
    translated.code === 'upstream_rejected'
      ? `${refusal}: ${shape.message ?? ''} Ask the gateway operator to check the endpoint's aws_config (aws_role_arn, session_length_seconds).`
      : `${refusal}. Ask the gateway operator to check the endpoint's aws_role_arn and that the gateway's AWS credentials may assume that role (sts:AssumeRole, the role's trust policy).`;
  return new GatewayError({
    status: 502,
    message,
    kind: 'upstream_error',
    code: 'upstream_auth_failed',
    // STS's text (the principal and the role refused) is for the operator's log.
    cause,
  });
}
