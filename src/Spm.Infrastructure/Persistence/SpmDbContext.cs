using Microsoft.EntityFrameworkCore;

namespace Spm.Infrastructure.Persistence;

/// <summary>The system of record.</summary>
public sealed class SpmDbContext(DbContextOptions<SpmDbContext> options) : DbContext(options);
