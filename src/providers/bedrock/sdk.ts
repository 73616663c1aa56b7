/**
 * The AWS SDK modules, loaded when the first Bedrock endpoint is built rather than at start-up:
 * most configs have no Bedrock endpoint, and loading them costs every process about 50 ms of
 * start-up and 2–3 MB of memory (measured on the benchmark machine).
 */
import type * as BedrockRuntime from '@aws-sdk/client-bedrock-runtime';
import type * as CredentialProviders from '@aws-sdk/credential-providers';
import type * as SmithyHttp from '@smithy/node-http-handler';

export interface AwsSdk {
  runtime: typeof BedrockRuntime;
  credentials: typeof CredentialProviders;
  http: typeof SmithyHttp;
}

let loaded: AwsSdk | undefined;

export function awsSdk(): AwsSdk {
  loaded ??= {
    runtime: require('@aws-sdk/client-bedrock-runtime') as typeof BedrockRuntime,
    credentials: require('@aws-sdk/credential-providers') as typeof CredentialProviders,
    http: require('@smithy/node-http-handler') as typeof SmithyHttp,
  };
  return loaded;
}
