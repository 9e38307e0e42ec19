pub mod hello {
    tonic::include_proto!("hello");
}

use hello::greeter_client::GreeterClient;
use hello::HelloRequest;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut client = GreeterClient::connect("http://[::1]:50051").await?; // expect: outbound-not-injected
    client.say_hello(tonic::Request::new(HelloRequest { name: "probe".into() })).await?;
    Ok(())
}
