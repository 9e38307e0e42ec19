import { Controller } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';

@Controller()
export class AppController {
  @EventPattern('order_created')
  handleOrderCreated(@Payload() order: unknown) {
    return order;
  }

  @MessagePattern('refund_requested')
  refund(@Payload() request: unknown) {
    return request;
  }
}
