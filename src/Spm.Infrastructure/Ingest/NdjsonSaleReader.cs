using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Spm.Infrastructure.Ingest;

/// <summary>
/// Reads newline-delimited JSON, one sale object per line, straight from the stream's bytes (no line strings):
/// <c>{"source":"crm","externalId":"S-1","amount":1250.50,"currency":"EUR","closeDate":"2026-03-31",
/// "ownerParticipantId":"...","coSellers":[{"participantId":"...","splitPercent":60}]}</c>; add
/// <c>"action":"cancel"</c> with the key to cancel. Rows are numbered by line; blank lines are skipped.
/// </summary>
internal static class NdjsonSaleReader
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static async IAsyncEnumerable<ParsedRow> ReadAsync(Stream stream, Guid tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 1 << 16));
        var line = 0;
        var rows = new List<ParsedRow>(256);
        while (true)
        {
            var read = await pipe.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            rows.Clear();
            var consumed = ParseLines(buffer, read.IsCompleted, tenantId, ref line, rows);
            pipe.AdvanceTo(consumed, buffer.End);
            foreach (var row in rows)
            {
                yield return row;
            }

            if (read.IsCompleted)
            {
                break;
            }
        }

        await pipe.CompleteAsync();
    }

    private static SequencePosition ParseLines(ReadOnlySequence<byte> buffer, bool final, Guid tenantId, ref int line, List<ParsedRow> rows)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (reader.TryReadTo(out ReadOnlySequence<byte> text, NewLine[0]))
        {
            line++;
            Parse(text, line, tenantId, rows);
        }

        if (final && !reader.End)
        {
            line++;
            Parse(reader.UnreadSequence, line, tenantId, rows);
            reader.AdvanceToEnd();
        }

        return reader.Position;
    }

    private static void Parse(ReadOnlySequence<byte> text, int line, Guid tenantId, List<ParsedRow> rows)
    {
        if (IsBlank(text))
        {
            return;
        }

        rows.Add(ParseObject(text, line, tenantId));
    }

    private static bool IsBlank(ReadOnlySequence<byte> text)
    {
        foreach (var segment in text)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static ParsedRow ParseObject(ReadOnlySequence<byte> text, int line, Guid tenantId)
    {
        var raw = new RawSale();
        var reader = new Utf8JsonReader(text);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return SaleRowBuilder.Error(line, string.Empty, "NDJSON_INVALID", "The line is not a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "action": raw.Action = Text(ref reader); break;
                    case "source": raw.Source = Text(ref reader); break;
                    case "externalId": raw.ExternalId = Text(ref reader); break;
                    case "amount":
                        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var amount))
                        {
                            raw.AmountNumber = amount;
                        }
                        else
                        {
                            raw.Amount = Text(ref reader);
                        }

                        break;
                    case "currency": raw.Currency = Text(ref reader); break;
                    case "closeDate": raw.CloseDate = Text(ref reader); break;
                    case "accountId": raw.AccountId = Text(ref reader); break;
                    case "product": raw.Product = Text(ref reader); break;
                    case "segment": raw.Segment = Text(ref reader); break;
                    case "ownerParticipantId": raw.OwnerParticipantId = Text(ref reader); break;
                    case "coSellers": CoSellers(ref reader, raw); break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (JsonException ex)
        {
            return SaleRowBuilder.Error(line, string.Empty, "NDJSON_INVALID", $"The line is not valid JSON: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            return SaleRowBuilder.Error(line, string.Empty, "NDJSON_INVALID", $"The line has a value of the wrong type: {ex.Message}");
        }

        return SaleRowBuilder.Build(line, raw, tenantId);
    }

    private static void CoSellers(ref Utf8JsonReader reader, RawSale raw)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new InvalidOperationException("coSellers must be an array.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? participant = null, split = null;
            decimal? splitNumber = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "participantId")
                {
                    participant = Text(ref reader);
                }
                else if (name == "splitPercent" && reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var number))
                {
                    splitNumber = number;
                }
                else if (name == "splitPercent")
                {
                    split = Text(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            raw.CoSellers.Add((participant, split, splitNumber));
        }
    }

    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw new InvalidOperationException($"expected a string, found {reader.TokenType}"),
    };
}
