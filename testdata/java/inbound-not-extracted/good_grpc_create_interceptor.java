// Newer instrumentation names the factory createServerInterceptor, and the interceptor is
// attached per service through ServerInterceptors.intercept in a helper.
package shop;

import io.grpc.BindableService;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;

public class HelloWorldServer {
    private Server server;

    void start(OpenTelemetry otel) throws Exception {
        server = Grpc.newServerBuilderForPort(50051, InsecureServerCredentials.create())
            .addService(withTelemetry(otel, new GreeterImpl()))
            .build()
            .start();
    }

    ServerServiceDefinition withTelemetry(OpenTelemetry otel, BindableService service) {
        GrpcTelemetry grpcTelemetry = GrpcTelemetry.create(otel);
        return ServerInterceptors.intercept(service, grpcTelemetry.createServerInterceptor());
    }
}
