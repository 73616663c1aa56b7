import {
  AccessDeniedException,
  InternalServerException,
  ModelNotReadyException,
  ModelStreamErrorException,
  ModelTimeoutException,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-bedrock-runtime';
import { GatewayError } from '../../../../src/errors';
import { AssumeRoleFailure } from '../../../../src/providers/bedrock/client';
import { FirstByteTimeout } from '../../../../src/providers/bedrock/answer-bounds';
import { bedrockErrorToGateway } from '../../../../src/providers/bedrock/errors';

const live = new AbortController().signal;
const translate = (error: unknown) => bedrockErrorToGateway(error, { endpoint: 'chat', signal: live }) as GatewayError;
const metadata = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

describe('bedrockErrorToGateway', () => {
  test('ThrottlingException is a retryable 429 keeping Retry-After', () => {
    const error = Object.assign(new ThrottlingException({ message: 'Too many requests', ...metadata(429) }), { $response: { headers: { 'retry-after': '3' } } });
    expect(translate(error)).toMatchObject({ status: 429, retryable: true, retryAfter: '3', message: "Amazon Bedrock is throttling requests for endpoint 'chat': Too many requests" });
  });

  test('authentication failures are a 502 naming the endpoint and the code, never the AWS text', () => {
    const denied = translate(new AccessDeniedException({ message: 'User arn:aws:iam::123:user/x with key AKIASECRET is not authorized', ...metadata(403) }));
    expect(denied).toMatchObject({ status: 502, code: 'upstream_auth_failed', retryable: false });
    expect(denied.message).toContain("endpoint 'chat'");
    expect(denied.message).toContain('AccessDeniedException');
    expect(denied.message).not.toContain('AKIASECRET');
    for (const name of ['UnrecognizedClientException', 'ExpiredTokenException', 'CredentialsProviderError']) {
      expect(translate(Object.assign(new Error('x'), { name })).status).toBe(502);
    }
  });

  test('ValidationException is a 400 with the AWS message', () => {
    expect(translate(new ValidationException({ message: 'Malformed input request', ...metadata(400) }))).toMatchObject({ status: 400, message: 'Malformed input request' });
  });

  test('service failures are retryable 502s; a model timeout is a 504; a missing model is a non-retryable 502', () => {
    for (const error of [
      new ModelNotReadyException({ message: 'warming up', ...metadata(429) }),
      new ServiceUnavailableException({ message: 'unavailable', ...metadata(503) }),
      new InternalServerException({ message: 'oops', ...metadata(500) }),
      new ModelStreamErrorException({ message: 'stream broke', ...metadata(424) }),
    ]) {
      expect(translate(error)).toMatchObject({ status: 502, retryable: true });
    }
    expect(translate(new ModelTimeoutException({ message: 'slow', ...metadata(408) }))).toMatchObject({ status: 504, retryable: true });
    expect(translate(new ResourceNotFoundException({ message: 'no such model', ...metadata(404) }))).toMatchObject({ status: 502, retryable: false });
  });

  test('network errors: refused or reset connections are 502, socket timeouts 504', () => {
    expect(translate(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toMatchObject({ status: 502, retryable: true });
    // The SDK's handler labels a reset a TimeoutError; it is still a dropped connection.
    expect(translate(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' })).status).toBe(502);
    expect(translate(new Error('AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:9')).message).toContain('(ECONNREFUSED)');
    expect(translate(Object.assign(new Error('timed out after 300000 ms of inactivity'), { name: 'TimeoutError' }))).toMatchObject({ status: 504 });
  });

  test('no region anywhere is a 502 that says how to set one', () => {
    expect(translate(new Error('Region is missing')).message).toBe("No AWS region is configured for endpoint 'chat': set aws_config.aws_region (or AWS_REGION).");
  });

  test("an AssumeRole failure (aws_role_arn) is named as STS's, never as Bedrock's", () => {
    const sts = (error: unknown) => translate(new AssumeRoleFailure(error));
    const denied = sts(Object.assign(new Error('User: arn:aws:iam::123:user/gw is not authorized to perform: sts:AssumeRole'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }));
    expect(denied).toMatchObject({ status: 502, code: 'upstream_auth_failed', retryable: false });
    expect(denied.message).toBe(
      "AWS STS refused to assume the role of endpoint 'chat' (AccessDenied). Ask the gateway operator to check the endpoint's aws_role_arn and that the gateway's AWS credentials may assume that role (sts:AssumeRole, the role's trust policy).",
    );
    expect(sts(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toMatchObject({
      status: 502,
      retryable: true,
      message: "AWS STS could not be reached for endpoint 'chat' (ECONNREFUSED).",
    });
    expect(sts(new FirstByteTimeout(1000))).toMatchObject({ status: 504, message: "AWS STS sent no response within 1 s for endpoint 'chat' (first_byte timeout)." });
    expect(sts(Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: { httpStatusCode: 400 } }))).toMatchObject({
      status: 429,
      message: "AWS STS is throttling requests for endpoint 'chat': Rate exceeded",
    });
  });

  test('the abort reason passes through when the client went away; GatewayErrors pass through', () => {
    const controller = new AbortController();
    const reason = new Error('client gone');
    controller.abort(reason);
    expect(bedrockErrorToGateway(new Error('AbortError'), { endpoint: 'chat', signal: controller.signal })).toBe(reason);
    const gatewayError = GatewayError.invalidParam('x');
    expect(translate(gatewayError)).toBe(gatewayError);
  });
});
