using System.Runtime.CompilerServices;
using System.Text;

namespace Spm.Infrastructure.Ingest;

/// <summary>
/// Reads CSV (RFC 4180: comma-separated, double quotes around fields holding commas, quotes or line breaks)
/// with a header row naming the columns: <c>source, externalId, amount, currency, closeDate,
/// ownerParticipantId</c> and optionally <c>accountId, product, segment, coSellers, action</c>. Co-sellers are
/// written <c>participantId:percent</c> separated by semicolons. Rows are numbered by file line (the header is
/// line 1); a record spanning lines is numbered by its first line.
/// </summary>
internal static class CsvSaleReader
{
    private static readonly string[] Required = ["source", "externalId"];

    public static async IAsyncEnumerable<ParsedRow> ReadAsync(Stream stream, Guid tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var line = 0;
        var header = await reader.ReadLineAsync(cancellationToken);
        line++;
        if (header is null)
        {
            yield break;
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var fields = new List<string>(16);
        Split(header, fields, out _);
        for (var i = 0; i < fields.Count; i++)
        {
            columns.TryAdd(fields[i].Trim(), i);
        }

        var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            yield return SaleRowBuilder.Error(1, missing[0], "CSV_HEADER_MISSING", $"The header row lacks the column(s) {string.Join(", ", missing)}; nothing was read.");
            yield break;
        }

        var map = new ColumnMap(columns);
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            var first = line;
            Split(text, fields, out var open);
            // A quoted field with a line break: keep reading lines until the quote closes.
            while (open && await reader.ReadLineAsync(cancellationToken) is { } more)
            {
                line++;
                text += "\n" + more;
                Split(text, fields, out open);
            }

            if (open)
            {
                yield return SaleRowBuilder.Error(first, string.Empty, "CSV_INVALID", "A quoted field is never closed.");
                yield break;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            yield return SaleRowBuilder.Build(first, map.Read(fields), tenantId);
        }
    }

    /// <summary>Splits one record; <paramref name="open"/> is true when it ends inside a quoted field.</summary>
    internal static void Split(string text, List<string> fields, out bool open)
    {
        fields.Clear();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c != '\r' || i != text.Length - 1)
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        open = quoted;
    }

    private sealed class ColumnMap(Dictionary<string, int> columns)
    {
        private readonly int action = columns.GetValueOrDefault("action", -1);
        private readonly int source = columns.GetValueOrDefault("source", -1);
        private readonly int externalId = columns.GetValueOrDefault("externalId", -1);
        private readonly int amount = columns.GetValueOrDefault("amount", -1);
        private readonly int currency = columns.GetValueOrDefault("currency", -1);
        private readonly int closeDate = columns.GetValueOrDefault("closeDate", -1);
        private readonly int accountId = columns.GetValueOrDefault("accountId", -1);
        private readonly int product = columns.GetValueOrDefault("product", -1);
        private readonly int segment = columns.GetValueOrDefault("segment", -1);
        private readonly int owner = columns.GetValueOrDefault("ownerParticipantId", -1);
        private readonly int coSellers = columns.GetValueOrDefault("coSellers", -1);

        public RawSale Read(List<string> fields)
        {
            var raw = new RawSale
            {
                Action = Get(fields, action),
                Source = Get(fields, source),
                ExternalId = Get(fields, externalId),
                Amount = Get(fields, amount),
                Currency = Get(fields, currency),
                CloseDate = Get(fields, closeDate),
                AccountId = Get(fields, accountId),
                Product = Get(fields, product),
                Segment = Get(fields, segment),
                OwnerParticipantId = Get(fields, owner),
            };
            if (Get(fields, coSellers) is { } splits)
            {
                foreach (var part in splits.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var colon = part.LastIndexOf(':');
                    raw.CoSellers.Add(colon < 0 ? (part, null, null) : (part[..colon], part[(colon + 1)..], null));
                }
            }

            return raw;
        }

        private static string? Get(List<string> fields, int index) =>
            index >= 0 && index < fields.Count && fields[index].Length > 0 ? fields[index] : null;
    }
}
