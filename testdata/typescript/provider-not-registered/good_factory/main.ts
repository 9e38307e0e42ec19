import { trace } from '@opentelemetry/api';
import { initializeOtelSdk } from './tracing';

class TracingService {
  private otelSdk = initializeOtelSdk('notifications');

  onModuleInit(): void {
    this.otelSdk.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.otelSdk.shutdown();
  }
}

const tracing = new TracingService();
tracing.onModuleInit();
process.on('SIGTERM', () => tracing.onModuleDestroy());

const tracer = trace.getTracer('notifications');
setInterval(() => tracer.startActiveSpan('tick', (span) => span.end()), 1000);
