// Instrumented clients, a manual inject, and a call with no trace in flight.
package shop;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.grpc.v1_6.GrpcTelemetry;
import io.opentelemetry.instrumentation.httpclient.JavaHttpClientTelemetry;
import io.opentelemetry.instrumentation.okhttp.v3_0.OkHttpTelemetry;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class Frontend {
    private final OpenTelemetry otel = GlobalOpenTelemetry.get();
    private final HttpClient client =
        JavaHttpClientTelemetry.builder(otel).build().newHttpClient(HttpClient.newHttpClient());
    private final Call.Factory calls =
        OkHttpTelemetry.builder(otel).build().newCallFactory(new OkHttpClient());
    private final ManagedChannel channel = ManagedChannelBuilder.forAddress("cart", 7070)
        .intercept(GrpcTelemetry.create(otel).newClientInterceptor())
        .usePlaintext()
        .build();
    private final ManagedChannel exporter =
        ManagedChannelBuilder.forTarget("collector:4317").usePlaintext().build();

    @GetMapping("/home")
    public String home() throws Exception { // expect: inbound-not-extracted
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://catalog:8080/products")).build();
        calls.newCall(new Request.Builder().url("http://ads:8080").build()).execute();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @GetMapping("/ads")
    public String ads() throws Exception {
        HttpURLConnection conn = (HttpURLConnection) new URL("http://ads:8080/ads").openConnection();
        otel.getPropagators().getTextMapPropagator()
            .inject(Context.current(), conn, (c, k, v) -> c.setRequestProperty(k, v));
        return conn.getResponseMessage();
    }

    static void warmUp() throws Exception {
        HttpClient raw = HttpClient.newHttpClient();
        raw.send(HttpRequest.newBuilder(URI.create("http://catalog:8080/")).build(),
            HttpResponse.BodyHandlers.discarding());
    }
}
