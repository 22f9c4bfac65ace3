using Npgsql;

namespace Spm.Infrastructure.Persistence;

/// <summary>The one way Spm builds its PostgreSQL data source, so the API, the benchmarks and the tests that open their own talk to the database alike.</summary>
public static class SpmDataSource
{
    /// <summary>
    /// A data source for <paramref name="connectionString"/> with statements prepared automatically once they have been
    /// seen twice on a connection, unless the connection string says otherwise. The hot paths (recording a sale, the
    /// dispatcher, live-earnings builds) repeat a few dozen statements thousands of times; preparing them spares
    /// PostgreSQL the parse and plan of each. Measured with `./spm bench comp live`: one-sale writes p50 6.1-6.6 ms before,
    /// 5.3-5.7 ms after.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // Whether the string names the setting at all, so an explicit "Max Auto Prepare=0" still turns it off.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(k => string.Equals(k.Replace(" ", string.Empty, StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
        if (!given)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 256;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        return builder.Build();
    }
}
