// Nest instrumentation names the routes but does not extract: HTTP instrumentation does.
import { NodeSDK } from '@opentelemetry/sdk-node';
import { NestInstrumentation } from '@opentelemetry/instrumentation-nestjs-core';

export const sdk = new NodeSDK({ instrumentations: [new NestInstrumentation()] });
