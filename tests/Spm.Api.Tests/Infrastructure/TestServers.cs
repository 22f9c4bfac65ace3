using Npgsql;

namespace Spm.Api.Tests.Infrastructure;

/// <summary>
/// The real servers `./spm test` started. Missing or unreachable servers fail the test with a
/// message that says which server and how to start it: nothing is skipped or substituted.
/// </summary>
public static class TestServers
{
    public static string Postgres => Require("SPM_TEST_POSTGRES", "PostgreSQL");

    public static string Redis => Require("SPM_TEST_REDIS", "Redis");

    /// <summary>The same server with another database name.</summary>
    public static string PostgresDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(Postgres) { Database = database }.ConnectionString;

    public static async Task CreateDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase("postgres"));
        try
        {
            await connection.OpenAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is unreachable at {new NpgsqlConnectionStringBuilder(Postgres).Host}:{new NpgsqlConnectionStringBuilder(Postgres).Port}: {ex.Message}. Run the tests with ./spm test, which starts it.", ex);
        }

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    public static async Task DropDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(PostgresDatabase("postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string Require(string variable, string server) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set, so the tests cannot reach {server}. Run them with ./spm test, which starts {server} on loopback and sets it.");
}
