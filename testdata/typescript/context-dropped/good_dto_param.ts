// A parameter named `req` that holds a message DTO is not an inbound request: the job below
// starts its own trace on purpose, with no request in scope.
import { NodeSDK } from '@opentelemetry/sdk-node';
import { trace, ROOT_CONTEXT } from '@opentelemetry/api';

const sdk = new NodeSDK();
sdk.start();
process.on('SIGTERM', () => sdk.shutdown());

interface ReindexJobDto {
  index: string;
}

const tracer = trace.getTracer('jobs');

export async function reindex(req: ReindexJobDto): Promise<void> {
  const span = tracer.startSpan('reindex', {}, ROOT_CONTEXT);
  span.setAttribute('index', req.index);
  span.end();
}
