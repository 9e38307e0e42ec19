import { NestFactory } from '@nestjs/core';
import { trace } from '@opentelemetry/api';
import { TracingModule } from './tracing.module';

async function bootstrap() {
  const app = await NestFactory.create(TracingModule);
  app.enableShutdownHooks();
  const tracer = trace.getTracer('orders');
  tracer.startActiveSpan('boot', (span) => span.end());
  await app.listen(3000);
}
bootstrap();
