var builder = DistributedApplication.CreateBuilder(args);

var catalog = builder.AddProject<Projects.Catalog_Api>("catalog");
var cart = builder.AddProject<Projects.Cart>("cart");
builder.AddProject<Projects.Web>("web")
    .WithReference(catalog)
    .WithReference(cart);

builder.Build().Run();
