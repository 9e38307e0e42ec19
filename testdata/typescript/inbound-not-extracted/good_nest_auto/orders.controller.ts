import { Controller, Get, Post, Param } from '@nestjs/common';
import { trace } from '@opentelemetry/api';

const tracer = trace.getTracer('orders');

@Controller('orders')
export class OrdersController {
  @Get(':id')
  find(@Param('id') id: string): string {
    return tracer.startActiveSpan('find-order', (span) => {
      try {
        return id;
      } finally {
        span.end();
      }
    });
  }

  @Post()
  create(): string {
    return 'created';
  }
}
