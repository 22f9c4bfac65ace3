using GraphQL.DataLoader;

namespace Spm.Api.Features.Relay;

/// <summary>
/// How `node(id:)` fetches each type: features register a loader per type name. An unknown
/// type, a malformed id or another tenant's id all resolve to null, never to an error that
/// would reveal that the object exists.
/// </summary>
public sealed class NodeRegistry
{
    private readonly Dictionary<string, Func<IServiceProvider, Guid, IDataLoaderResult>> loaders = new(StringComparer.Ordinal);

    public void Add(string typeName, Func<IServiceProvider, Guid, IDataLoaderResult> load) => loaders.Add(typeName, load);

    public IDataLoaderResult? Load(IServiceProvider services, string? globalId) =>
        GlobalId.TryDecode(globalId, out var type, out var id) && loaders.TryGetValue(type, out var load) ? load(services, id) : null;
}
