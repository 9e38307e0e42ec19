//! An exporter: its own gRPC connection sends telemetry, which must not be traced itself.
use opentelemetry_sdk::error::OTelSdkResult;
use opentelemetry_sdk::trace::{SpanData, SpanExporter};
use proto::trace_service_client::TraceServiceClient;
use tonic::transport::Channel;

mod proto {
    tonic::include_proto!("google.devtools.cloudtrace.v2");
}

#[derive(Debug)]
pub struct CloudTraceExporter {
    channel: Channel,
}

impl SpanExporter for CloudTraceExporter {
    async fn export(&self, batch: Vec<SpanData>) -> OTelSdkResult {
        let mut client = TraceServiceClient::new(self.channel.clone());
        let _ = client.batch_write_spans(proto::BatchWriteSpansRequest::from(batch)).await;
        Ok(())
    }
}
