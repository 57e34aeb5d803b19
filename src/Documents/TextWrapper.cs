namespace CreditPower.Documents;

/// <summary>
/// Breaks Chinese text into lines by measured width. Chinese has no spaces, so any character may end a line, except
/// that closing punctuation never starts one (it hangs into the margin) and opening punctuation never ends one;
/// runs of Latin letters and digits (a version, a date, a number) stay whole where they fit.
/// </summary>
public static class TextWrapper
{
    private const string Closing = "，。、；：？！”’）》」』】〕…%,.;:?!)";
    private const string Opening = "“‘（《「『【〔(";

    public static IReadOnlyList<string> Wrap(string text, double width, Func<string, double> measure)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var token in Tokens(text))
        {
            var candidate = line + token;
            if (line.Length == 0 || measure(candidate) <= width || (token.Length == 1 && Closing.Contains(token[0], StringComparison.Ordinal)))
            {
                line = candidate;
                continue;
            }

            // The token does not fit: start a new line with it, taking along an opening mark left at the end.
            var carried = "";
            while (line.Length > 1 && Opening.Contains(line[^1], StringComparison.Ordinal))
            {
                carried = line[^1] + carried;
                line = line[..^1];
            }

            lines.Add(line);
            line = carried + token;
            // A Latin run wider than a whole line is broken anywhere.
            while (measure(line) > width && line.Length > 1)
            {
                var fit = 1;
                while (fit < line.Length && measure(line[..(fit + 1)]) <= width)
                {
                    fit++;
                }

                lines.Add(line[..fit]);
                line = line[fit..];
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (char.IsAsciiLetterOrDigit(text[i]))
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_' or '.'))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }

            yield return text[start..i];
        }
    }
}
