import { Inject, Injectable } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { EventEmitter } from 'events';

@Injectable()
export class AppService {
  private readonly events = new EventEmitter();

  constructor(@Inject('BILLING_SERVICE') private readonly billingClient: ClientKafka) {}

  createOrder(order: { id: string }) {
    this.events.emit('order_created', order);
    this.billingClient.emit('order_created', JSON.stringify(order));
  }
}
