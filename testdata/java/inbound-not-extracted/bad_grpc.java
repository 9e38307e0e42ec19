// A gRPC server without the GrpcTelemetry interceptor.
package shop;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.opentelemetry.api.GlobalOpenTelemetry;

public class QuoteServer {
    public static void start() throws Exception {
        Server server = ServerBuilder.forPort(7000) // expect: inbound-not-extracted
            .addService(new QuoteService())
            .build()
            .start();
        server.awaitTermination();
    }
}
