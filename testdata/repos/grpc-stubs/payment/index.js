const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const proto = grpc.loadPackageDefinition(protoLoader.loadSync('shop.proto'));
const cart = new proto.shop.CartService('cart:7070', grpc.credentials.createInsecure());

const server = new grpc.Server();
server.addService(proto.shop.PaymentService.service, {
  charge(call, callback) {
    cart.emptyCart({ userId: call.request.userId }, () => callback(null, {}));
  },
});
server.bindAsync('0.0.0.0:50051', grpc.ServerCredentials.createInsecure(), () => {});
