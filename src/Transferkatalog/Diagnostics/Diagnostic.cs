namespace Transferkatalog.Diagnostics;

/// <summary>How serious a diagnostic is; errors fail the build, warnings do not.</summary>
public enum Severity
{
    Warning,
    Error,
}

/// <summary>One problem found in the input or output, located by file, 1-based line and column.</summary>
public sealed record Diagnostic(DiagnosticCode Definition, string Message, string File, int Line, int Column)
{
    public Diagnostic(DiagnosticCode definition, string message, SourceSpan at)
        : this(definition, message, at.File, at.Line, at.Column)
    {
    }

    /// <summary>The declared severity of <see cref="Definition"/>.</summary>
    public Severity Severity => Definition.Severity;

    /// <summary>The code as printed, e.g. "TK0103".</summary>
    public string Code => Definition.Id;

    /// <summary>Canonical compiler format understood by editors and CI annotators, as one line that cannot issue a workflow command.</summary>
    public override string ToString()
    {
        var location = Line > 0 ? $"{File}({Line},{Column})" : File;
        var severity = Severity == Severity.Error ? "error" : "warning";
        return ConsoleText.Line($"{location}: {severity} {Code}: {Message}");
    }

    /// <summary>GitHub Actions workflow command, so the message lands on the changed line of a pull request.</summary>
    public string ToGitHubAnnotation()
    {
        var kind = Severity == Severity.Error ? "error" : "warning";
        var props = $"file={EscapeProperty(File)}";
        if (Line > 0)
        {
            props += $",line={Line},col={Math.Max(1, Column)}";
        }

        props += $",title={Code}";
        return $"::{kind} {props}::{EscapeData(Message)}";
    }

    private static string EscapeData(string s) =>
        s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string s) =>
        EscapeData(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
