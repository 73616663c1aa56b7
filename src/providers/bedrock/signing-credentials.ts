/**
 * The credentials an endpoint's AWS calls were signed with, noted as they go out: the access key id
 * (the credential scope of `Authorization`) and the session token (`X-Amz-Security-Token`). Those
 * written in `aws_config` are known at load (`credentialsOf`), but a role's temporary credentials
 * (from STS) and the default chain's (the environment's `AWS_*` variables, a container or instance
 * role) only once the SDK has resolved them, and they change as it renews them. AWS's errors may
 * quote them (a SignatureDoesNotMatch quotes the canonical request, security token included), and
 * so may whatever answers in AWS's place: the endpoint's errors are redacted of them.
 */
import { MIN_SECRET_CHARS } from '../../redaction';

/** The access key id in a SigV4 `Authorization` header: `… Credential=AKID/20240101/us-east-1/bedrock/aws4_request, …`. */
const CREDENTIAL_SCOPE = /Credential=([^/,\s]+)\//;

/** How many values are kept: the current key id and token, and those before (a call may still be under way with them). */
const KEPT_VALUES = 4;


export interface SigningCredentials {
  /** Notes the credentials of a signed request from its headers (cheap when they are those noted already). */
  note(headers: Record<string, string | undefined>): void;
  /** The credentials noted, longest first, as `redacted` takes them. */
  values(): readonly string[];
}

export function createSigningCredentials(): SigningCredentials {
  let kept: string[] = [];
  let longestFirst: readonly string[] = [];
  const keep = (value: string | undefined) => {
    if (value === undefined || value.length < MIN_SECRET_CHARS || kept.includes(value)) return;
    kept = [value, ...kept].slice(0, KEPT_VALUES);
    longestFirst = [...kept].sort((a, b) => b.length - a.length);
  };
  return {
    note(headers) {
      keep(CREDENTIAL_SCOPE.exec(headers.authorization ?? '')?.[1]);
      keep(headers['x-amz-security-token']);
    },
    values: () => longestFirst,
  };
}
