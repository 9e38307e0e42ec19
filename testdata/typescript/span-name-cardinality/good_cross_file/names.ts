// Span names shared by the service's modules.
export enum SpanNames { loadPath = 'load_order' }
const orderPath = 'orders';

export { orderPath };
