using GraphQL.DataLoader;
using Spm.Api.Auth;

namespace Spm.Api.Features.Relay;

/// <summary>
/// How `node(id:)` fetches each type: features register a loader per type name together with
/// the capability a caller needs to read that type. An unknown type, a malformed id, another
/// tenant's id or a type the caller may not read all resolve to null, never to an error that
/// would reveal that the object exists.
/// </summary>
public sealed class NodeRegistry
{
    private readonly Dictionary<string, (Capability Capability, Func<IServiceProvider, Guid, IDataLoaderResult> Load)> loaders = new(StringComparer.Ordinal);

    /// <summary>Registers the loader of <paramref name="typeName"/>, readable only with <paramref name="capability"/>.</summary>
    public void Add(string typeName, Capability capability, Func<IServiceProvider, Guid, IDataLoaderResult> load) => loaders.Add(typeName, (capability, load));

    /// <summary>The capability each node type requires (for tests and documentation).</summary>
    public IReadOnlyDictionary<string, Capability> Capabilities => loaders.ToDictionary(p => p.Key, p => p.Value.Capability, StringComparer.Ordinal);

    public IDataLoaderResult? Load(IServiceProvider services, string? globalId)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!GlobalId.TryDecode(globalId, out var type, out var id) || !loaders.TryGetValue(type, out var entry))
        {
            return null;
        }

        // `node` itself only needs Self; the type decides whether this caller may see the object.
        return services.GetRequiredService<Caller>().Can(entry.Capability) ? entry.Load(services, id) : null;
    }
}
