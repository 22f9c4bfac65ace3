using Npgsql;
using NpgsqlTypes;

namespace Spm.Infrastructure.Sales;

/// <summary>NULL-or-value for binary COPY rows, which have no nullable overloads of their own.</summary>
internal static class BinaryImporterExtensions
{
    public static void WriteNullable(this NpgsqlBinaryImporter import, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            import.WriteNull();
        }
        else
        {
            import.Write(value, type);
        }
    }

    public static void WriteNullable<T>(this NpgsqlBinaryImporter import, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            import.Write(v, type);
        }
        else
        {
            import.WriteNull();
        }
    }
}
