// Span names shared by the service's modules.
const SpanNames = { loadPath: 'load_order' };
const orderPath = 'orders';

module.exports = { SpanNames, orderPath };
