/**
 * An upstream whose TLS certificate Node refused: a message saying so, instead of "could not be
 * reached". The usual cause is a private certificate authority (an internal model server, or a
 * proxy that inspects TLS), which the operator trusts by starting the gateway with
 * NODE_EXTRA_CA_CERTS; the message says that too, since the client can only pass it on.
 */

/** Node's codes for a certificate whose issuer is not among the trusted ones. */
const UNKNOWN_ISSUER = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

/** Node's other certificate codes: expired, not yet valid, for another name, revoked, malformed. */
const OTHER_CERTIFICATE_FAILURE = /^(CERT_|ERR_TLS_CERT_ALTNAME_INVALID$|INVALID_CA$|INVALID_PURPOSE$|HOSTNAME_MISMATCH$)/;

/** The message for a refused certificate, or null when `code` is not a certificate failure. */
export function certificateFailure(code: string | null, upstream: string): string | null {
  if (code === null) return null;
  if (UNKNOWN_ISSUER.has(code)) {
    return `${upstream}: its TLS certificate is not signed by a trusted certificate authority (${code}). If it comes from a private one (an internal server, or a proxy that inspects TLS), the gateway operator can trust it by starting the gateway with NODE_EXTRA_CA_CERTS.`;
  }
  if (OTHER_CERTIFICATE_FAILURE.test(code)) return `${upstream}: its TLS certificate was refused (${code}).`;
  return null;
}
