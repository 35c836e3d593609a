namespace Transferkatalog.Diagnostics;

/// <summary>Collects diagnostics from every stage so that all problems are reported together.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = new();
    private readonly Lock gate = new();

    public bool HasErrors
    {
        get
        {
            lock (gate)
            {
                return items.Exists(d => d.Severity == Severity.Error);
            }
        }
    }

    public void Add(Diagnostic diagnostic)
    {
        lock (gate)
        {
            items.Add(diagnostic);
        }
    }

    /// <summary>Reports an error; the code is declared in <see cref="DiagnosticCodes"/>.</summary>
    public void Error(ErrorCode code, string message, SourceSpan at) => Add(new Diagnostic(code, message, at));

    /// <summary>Reports a warning; the code is declared in <see cref="DiagnosticCodes"/>.</summary>
    public void Warning(WarningCode code, string message, SourceSpan at) => Add(new Diagnostic(code, message, at));

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    /// <summary>Diagnostics in a stable order (file, line, column, code) so output is reproducible even from parallel stages.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        lock (gate)
        {
            return items
                .Distinct()
                .OrderBy(d => d.File, StringComparer.Ordinal)
                .ThenBy(d => d.Line)
                .ThenBy(d => d.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal)
                .ToList();
        }
    }
}
