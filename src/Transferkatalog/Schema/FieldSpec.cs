namespace Transferkatalog.Schema;

/// <summary>The kind of value a front-matter field holds; drives validation, JSON Schema and scaffolding alike.</summary>
public enum FieldKind
{
    String,
    Integer,
    Number,
    Date,
    Enum,
    Email,
    Url,
    Phone,
    /// <summary>Amtlicher Gemeindeschlüssel, a string of digits (5 for a Kreis, else 8).</summary>
    Ags,
    Reference,
    List,
    Map,
}

/// <summary>Which registry a reference field points into.</summary>
public enum ReferenceTarget
{
    Handlungsfeld,
    Kommune,
    Kreis,

    /// <summary>Another profile, by its slug (file name without .md); checked once all profiles are read.</summary>
    Projekt,
}

/// <summary>One field of a YAML document: the single source of truth for what is allowed.</summary>
public sealed record FieldSpec(string Name, FieldKind Kind, bool Required, string Description)
{
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public long? Minimum { get; init; }

    public long? Maximum { get; init; }

    public ReferenceTarget? Target { get; init; }

    /// <summary>Item spec for lists (its Name is used only in messages).</summary>
    public FieldSpec? Item { get; init; }

    /// <summary>Member specs for maps.</summary>
    public IReadOnlyList<FieldSpec> Fields { get; init; } = [];

    /// <summary>Minimum number of items for lists.</summary>
    public int MinItems { get; init; }

    /// <summary>Example value used by scaffolding and documentation, as YAML text.</summary>
    public string? Example { get; init; }

    /// <summary>Text a string value must not contain, e.g. the CSV list separator in a Stichwort.</summary>
    public string? MustNotContain { get; init; }

    public FieldSpec? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}
