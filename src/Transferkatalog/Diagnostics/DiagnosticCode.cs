namespace Transferkatalog.Diagnostics;

/// <summary>One declared kind of problem: its code (TK0103), how serious it is, and a short German title for README and tests.</summary>
/// <remarks>
/// Declared once in <see cref="DiagnosticCodes"/>. The severity belongs to the code, not to the call site: an
/// <see cref="ErrorCode"/> can only be reported as an error and a <see cref="WarningCode"/> only as a warning, so a code
/// cannot fail one build and merely warn in another.
/// </remarks>
public abstract record DiagnosticCode
{
    private protected DiagnosticCode(string id, Severity severity, string title)
    {
        Id = id;
        Severity = severity;
        Title = title;
    }

    /// <summary>The code as printed, e.g. "TK0103"; stable, editors and CI search for it.</summary>
    public string Id { get; }

    public Severity Severity { get; }

    /// <summary>What the code means in a few German words; the first words of its row in README's table of diagnostics.</summary>
    public string Title { get; }

    public sealed override string ToString() => Id;
}

/// <summary>A code whose diagnostics fail the build.</summary>
public sealed record ErrorCode : DiagnosticCode
{
    public ErrorCode(string id, string title)
        : base(id, Severity.Error, title)
    {
    }
}

/// <summary>A code whose diagnostics are reported but let the build succeed.</summary>
public sealed record WarningCode : DiagnosticCode
{
    public WarningCode(string id, string title)
        : base(id, Severity.Warning, title)
    {
    }
}
