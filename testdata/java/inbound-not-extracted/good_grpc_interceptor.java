// The GrpcTelemetry server interceptor extracts the caller's context.
package shop;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;

public class QuoteServer {
    public static void start(OpenTelemetry otel) throws Exception {
        Server server = ServerBuilder.forPort(7000)
            .addService(new QuoteService())
            .intercept(GrpcTelemetry.create(otel).newServerInterceptor())
            .build()
            .start();
        server.awaitTermination();
    }
}
