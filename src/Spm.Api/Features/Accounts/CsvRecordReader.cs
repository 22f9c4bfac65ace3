using System.Text;

namespace Spm.Api.Features.Accounts;

/// <summary>
/// A streaming RFC 4180 reader: comma-separated fields, double-quoted fields may hold commas, line breaks and doubled
/// quotes (""), lines end with LF or CRLF. A malformed record (a quote inside an unquoted field, text after a closing
/// quote, a quote never closed) is reported with its record number and skipped to the end of its line, so one bad
/// row does not hide the rest of the file.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private readonly char[] buffer = new char[16 * 1024];
    private int position;
    private int length;
    private int pushedBack = -2;

    /// <summary>Number of the record last returned, 1 for the first (the header).</summary>
    public int RecordNumber { get; private set; }

    /// <summary>The next record's fields, or its error; both null at the end of the input. Blank lines are skipped.</summary>
    public async ValueTask<(IReadOnlyList<string>? Fields, string? Error)> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (fields, error, atEnd) = await ReadRecordAsync(cancellationToken);
            if (fields is null && error is null)
            {
                return (null, null);
            }

            RecordNumber++;
            if (error is not null || fields!.Count > 1 || fields[0].Length > 0)
            {
                return (fields, error);
            }

            // A blank line: nothing to report, but it still counts as a row of the file.
            if (atEnd)
            {
                return (null, null);
            }
        }
    }

    private async ValueTask<(List<string>? Fields, string? Error, bool AtEnd)> ReadRecordAsync(CancellationToken cancellationToken)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var c = await NextAsync(cancellationToken);
        if (c < 0)
        {
            return (null, null, true);
        }

        while (true)
        {
            if (c == '"' && field.Length == 0)
            {
                // Quoted field: read to the closing quote; "" is a literal quote.
                while (true)
                {
                    c = await NextAsync(cancellationToken);
                    if (c < 0)
                    {
                        return (null, "a quoted field is never closed (missing \")", true);
                    }

                    if (c == '"')
                    {
                        var next = await NextAsync(cancellationToken);
                        if (next == '"')
                        {
                            field.Append('"');
                            continue;
                        }

                        c = next;
                        break;
                    }

                    field.Append((char)c);
                }

                if (c is not (',' or '\r' or '\n' or -1))
                {
                    return (null, $"unexpected character '{(char)c}' after a closing quote (quotes inside a field must be doubled)", await SkipLineAsync(cancellationToken));
                }
            }
            else
            {
                while (c is not (',' or '\r' or '\n' or -1))
                {
                    if (c == '"')
                    {
                        return (null, "a quote inside an unquoted field (quote the whole field and double the quote)", await SkipLineAsync(cancellationToken));
                    }

                    field.Append((char)c);
                    c = await NextAsync(cancellationToken);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (c == ',')
            {
                c = await NextAsync(cancellationToken);
                if (c is '\r' or '\n' or -1)
                {
                    fields.Add(string.Empty);
                    return (fields, null, await EndLineAsync(c, cancellationToken));
                }

                continue;
            }

            return (fields, null, await EndLineAsync(c, cancellationToken));
        }
    }

    /// <summary>Consumes the LF of a CRLF; true when the input ended.</summary>
    private async ValueTask<bool> EndLineAsync(int c, CancellationToken cancellationToken)
    {
        if (c == '\r')
        {
            var next = await NextAsync(cancellationToken);
            if (next != '\n')
            {
                pushedBack = next;
            }
        }

        if (c < 0)
        {
            return true;
        }

        var peek = await NextAsync(cancellationToken);
        pushedBack = peek;
        return peek < 0;
    }

    private async ValueTask<bool> SkipLineAsync(CancellationToken cancellationToken)
    {
        int c;
        do
        {
            c = await NextAsync(cancellationToken);
        }
        while (c is not ('\n' or -1));

        return await EndLineAsync(c, cancellationToken);
    }

    private async ValueTask<int> NextAsync(CancellationToken cancellationToken)
    {
        if (pushedBack != -2)
        {
            var c = pushedBack;
            pushedBack = -2;
            return c;
        }

        if (position == length)
        {
            length = await reader.ReadAsync(buffer.AsMemory(), cancellationToken);
            position = 0;
            if (length == 0)
            {
                return -1;
            }
        }

        return buffer[position++];
    }
}
