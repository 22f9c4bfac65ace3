using GraphQL.Types;
using Microsoft.Extensions.Hosting;

namespace Spm.GraphQL.AspNetCore.Execution;

/// <summary>
/// Builds the schema at start-up: a broken schema then fails the host instead of the first
/// request, where GraphQL.NET would cache the failure until restart.
/// </summary>
internal sealed class SchemaInitializer<TSchema>(TSchema schema) : IHostedService
    where TSchema : ISchema
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        schema.Initialize();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
