using Npgsql;
using Spm.Infrastructure.Persistence;

namespace Spm.Api.Tests.Hosting;

/// <summary>The one data-source factory: statements prepared automatically unless the connection string says otherwise.</summary>
public sealed class DataSourceTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Username=spm", 256, 2)]
    [InlineData("Host=127.0.0.1;Username=spm;Max Auto Prepare=0", 0, 5)]
    [InlineData("Host=127.0.0.1;Username=spm;maxautoprepare=10", 10, 5)]
    public void Auto_preparation_is_on_by_default_and_an_explicit_setting_wins(string connectionString, int maxAutoPrepare, int minUsages)
    {
        using var dataSource = SpmDataSource.Create(connectionString);
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.Equal((maxAutoPrepare, minUsages), (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages));
    }
}
