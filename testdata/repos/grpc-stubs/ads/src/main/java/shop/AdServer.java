package shop;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerBuilder;

public final class AdServer {
  static final class AdServiceImpl extends AdServiceGrpc.AdServiceImplBase {
    private final ManagedChannel payments =
        ManagedChannelBuilder.forTarget("payment:50051").usePlaintext().build();

    void charge() {
      PaymentServiceGrpc.newBlockingStub(payments).charge(ChargeRequest.getDefaultInstance());
    }
  }

  public static void main(String[] args) throws Exception {
    Server server = ServerBuilder.forPort(9555).addService(new AdServiceImpl()).build().start();
    server.awaitTermination();
  }
}
