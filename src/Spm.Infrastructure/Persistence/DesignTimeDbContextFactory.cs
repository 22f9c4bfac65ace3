using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Spm.Infrastructure.Tenancy;

namespace Spm.Infrastructure.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without a running host or database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<SpmDbContext>
{
    public SpmDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SpmDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=spm_design")
            .Options;
        return new SpmDbContext(options, new FixedTenantContext(null));
    }
}
