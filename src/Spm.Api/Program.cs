using Spm.Api.Features.Accounts;
using Spm.Api.Features.Compensation;
using Spm.Api.Features.Ingest;
using Spm.Api.Hosting;

// A table of contents: each line is one concern, implemented in Hosting/.
var builder = WebApplication.CreateBuilder(args);

builder.AddSpmObservability();
builder.AddSpmPersistence();
builder.AddSpmRedis();
builder.AddSpmAuth();
builder.AddSpmGraphQL();
builder.AddSpmRealtime();
builder.AddSpmHealth();
builder.AddSpmLivePush();

var app = builder.Build();

// `dotnet Spm.Api.dll migrate | seed-demo [--base-url URL] | print-schema FILE | demo-access` run a task and exit.
if (await SpmCommands.TryRunAsync(app, args))
{
    return;
}

// Before authorization, so the /graphql policy can recognise a WebSocket handshake.
app.UseWebSockets();
app.UseSpmAuth();
app.MapSpmHealth();
app.MapSpmGraphQL();
app.MapSpmTv();
app.MapSpmAccountImport();
app.MapSpmIngest();
app.MapSpmCompensation();
app.MapSpmLivePush();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the app.</summary>
public sealed partial class Program;
