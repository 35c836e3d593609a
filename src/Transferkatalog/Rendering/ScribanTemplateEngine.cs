using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;
using Transferkatalog.Diagnostics;
using DiagnosticSpan = Transferkatalog.Diagnostics.SourceSpan;
using ScriptSpan = Scriban.Parsing.SourceSpan;

namespace Transferkatalog.Rendering;

/// <summary>
/// Scriban behind <see cref="ITemplateEngine"/>; no other file references the engine. Every printed value is
/// HTML-encoded, only <see cref="TrustedHtml"/> passes raw through <c>raw_html</c>, unknown names are errors.
/// </summary>
public sealed class ScribanTemplateEngine : ITemplateEngine
{
    /// <summary>The one function that prints without encoding; greppable in every theme.</summary>
    public const string RawFunction = "raw_html";

    /// <summary>Renders a partial into the page, with the given value as its model.</summary>
    public const string IncludeFunction = "include";

    private const int MaxSyntaxErrors = 10;

    public string TemplateExtension => ".sbn-html";

    public ICompiledTheme? Compile(ThemeSource theme, DiagnosticBag diagnostics)
    {
        var partials = ParseAll(theme.Partials, diagnostics);
        var templates = ParseAll(theme.Templates, diagnostics);
        if (partials.Count != theme.Partials.Count || templates.Count != theme.Templates.Count)
        {
            return null;
        }

        var names = new NameCheck(partials, diagnostics);
        foreach (var (name, template) in templates.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (theme.Models.TryGetValue(name, out var model))
            {
                names.Check(template, model);
            }
        }

        return names.Failed ? null : new CompiledTheme(templates, partials, Reusable(templates, partials));
    }

    /// <summary>Builtin members whose result changes from call to call (array.cycle counts its calls in the page), or that evaluate text as a template.</summary>
    private static readonly HashSet<string> Unsteady = ["random", "uuid", "cycle", "eval", "eval_template"];

    /// <summary>The builtin objects a theme sees (see <see cref="Builtins"/>).</summary>
    private static readonly HashSet<string> BuiltinObjects = ["array", "math", "string", "object"];

    /// <summary>
    /// Partials whose HTML depends on nothing but the value they are given, so it can be reused for a shared view: they
    /// assign nothing, read no local variable of the page, call no builtin that answers differently each time and
    /// include only such partials. None when the theme defines functions, whose parameters a partial could see.
    /// </summary>
    private static HashSet<string> Reusable(Dictionary<string, Template> templates, Dictionary<string, Template> partials)
    {
        var reusable = new HashSet<string>(StringComparer.Ordinal);
        if (templates.Values.Concat(partials.Values).Any(t => Defines(t.Page)))
        {
            return reusable;
        }

        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool IsPartialSteady(string name)
        {
            if (known.TryGetValue(name, out var steady))
            {
                return steady;
            }

            // A partial that includes itself counts as unsteady while it is being looked at.
            known[name] = false;
            return known[name] = partials.TryGetValue(name, out var partial) && Steady(partial.Page, IsPartialSteady);
        }

        foreach (var name in partials.Keys.Where(IsPartialSteady))
        {
            reusable.Add(name);
        }

        return reusable;
    }

    private static bool Defines(ScriptNode? node) =>
        node is ScriptFunction or ScriptAnonymousFunction || (node is not null && node.Children.Any(Defines));

    private static bool Steady(ScriptNode? node, Func<string, bool> partialSteady) => node switch
    {
        null => true,
        ScriptVariableLocal or ScriptAssignExpression or ScriptWithStatement or ScriptImportStatement => false,
        ScriptFunctionCall { Target: ScriptVariableGlobal { Name: IncludeFunction } } call =>
            call.Arguments.Count == 2 && call.Arguments[0] is ScriptLiteral { Value: string name } && partialSteady(name) && Steady(call.Arguments[1], partialSteady),
        ScriptMemberExpression { Target: ScriptVariableGlobal { Name: var owner }, Member: { } member } when BuiltinObjects.Contains(owner) =>
            !Unsteady.Contains(member.Name),
        ScriptVariableGlobal { Name: var name } when BuiltinObjects.Contains(name) || name == IncludeFunction => false,
        _ => node.Children.All(child => Steady(child, partialSteady)),
    };

    private static Dictionary<string, Template> ParseAll(IReadOnlyDictionary<string, (string Path, string Text)> files, DiagnosticBag diagnostics)
    {
        var parsed = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var (name, (path, text)) in files.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (Parse(path, text, diagnostics) is { } template)
            {
                parsed[name] = template;
            }
        }

        return parsed;
    }

    private static Template? Parse(string path, string text, DiagnosticBag diagnostics)
    {
        var template = Template.Parse(text, path);
        if (!template.HasErrors)
        {
            var forbidden = Forbidden(template.Page).ToList();
            foreach (var (node, why) in forbidden)
            {
                diagnostics.Error(DiagnosticCodes.TemplateError, why, At(path, node.Span));
            }

            return forbidden.Count == 0 ? template : null;
        }

        // One mistake can make the parser stumble hundreds of times after it; the first few say where to look.
        var errors = template.Messages.Where(m => m.Type == ParserMessageType.Error).ToList();
        foreach (var message in errors.Take(MaxSyntaxErrors))
        {
            diagnostics.Error(DiagnosticCodes.TemplateError, $"Syntaxfehler in der Vorlage: {message.Message}", At(path, message.Span));
        }

        if (errors.Count > MaxSyntaxErrors)
        {
            diagnostics.Error(DiagnosticCodes.TemplateError, $"{errors.Count - MaxSyntaxErrors} weitere Syntaxfehler in dieser Vorlage, vermutlich Folgefehler der ersten", At(path, errors[MaxSyntaxErrors].Span));
        }

        return null;
    }

    /// <summary>
    /// Statements whose output would be encoded a second time when printed: what they collect is already encoded HTML,
    /// turned back into a plain string. Refused when the theme is read, so no page shows '&amp;amp;'.
    /// </summary>
    private static IEnumerable<(ScriptNode Node, string Why)> Forbidden(ScriptNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        switch (node)
        {
            case ScriptCaptureStatement:
                yield return (node, "'capture' ist in Vorlagen nicht erlaubt: der eingefangene Text ist schon HTML-kodiert und würde beim Ausgeben ein zweites Mal kodiert — schreiben Sie den Inhalt direkt an seine Stelle oder legen Sie ein Partial an (include)");
                break;
            case ScriptWrapStatement:
                yield return (node, "'wrap' ist in Vorlagen nicht erlaubt: der umschlossene Text ist schon HTML-kodiert und würde ein zweites Mal kodiert — legen Sie ein Partial an (include)");
                break;
        }

        foreach (var child in node.Children)
        {
            foreach (var found in Forbidden(child))
            {
                yield return found;
            }
        }
    }

    /// <summary>Scriban counts lines and columns from 0; diagnostics from 1.</summary>
    private static DiagnosticSpan At(string path, ScriptSpan span) => new(path, span.Start.Line + 1, span.Start.Column + 1);

    private sealed class CompiledTheme(Dictionary<string, Template> templates, Dictionary<string, Template> partials, HashSet<string> reusable) : ICompiledTheme
    {
        // A parsed template is immutable and shared; a TemplateContext holds the state of one render, so each render
        // takes one from the pool and returns it only when the render succeeded.
        private readonly ConcurrentBag<HtmlContext> pool = [];
        private readonly ScriptObject builtins = Builtins(partials, reusable);

        public bool Has(string template) => templates.ContainsKey(template);

        public string Render(string template, object model)
        {
            if (!templates.TryGetValue(template, out var compiled))
            {
                throw new KeyNotFoundException($"Theme has no template '{template}'");
            }

            var context = pool.TryTake(out var pooled) ? pooled : new HtmlContext(builtins);
            string html;
            try
            {
                html = context.RenderPage(compiled, model);
            }
            catch (ScriptRuntimeException ex)
            {
                throw new TemplateRenderException(new Diagnostic(DiagnosticCodes.TemplateError, Describe(ex), ex.Span.FileName ?? compiled.SourceFilePath ?? template, ex.Span.Start.Line + 1, ex.Span.Start.Column + 1));
            }

            pool.Add(context);
            return html;
        }

        public TResult RenderPage<TResult>(string template, object model, Func<TrustedHtml, object> layoutModel, PageConsumer<TResult> take)
        {
            if (!templates.TryGetValue(template, out var compiled) || !templates.TryGetValue("layout", out var layout))
            {
                throw new KeyNotFoundException($"Theme has no template '{template}' or no layout");
            }

            var context = pool.TryTake(out var pooled) ? pooled : new HtmlContext(builtins);
            TResult result;
            try
            {
                // The content is rendered by the same context into the same buffer, where the layout prints it with
                // raw_html. Read any other way (printed encoded, as text in an attribute) it is rendered on its own, as
                // when the content was a string; and a layout that never prints it still gets the content's mistakes reported.
                var printed = false;
                var content = TrustedHtml.FromGenerator(into =>
                {
                    printed = true;
                    if (ReferenceEquals(into, ((StringBuilderOutput)context.Output).Builder))
                    {
                        context.RenderNested(compiled, model);
                    }
                    else
                    {
                        into.Append(Render(template, model));
                    }
                });
                var output = context.RenderInto(layout, layoutModel(content));
                if (!printed)
                {
                    Render(template, model);
                }

                result = Take(output, take);
            }
            catch (ScriptRuntimeException ex)
            {
                context.Clear();
                throw new TemplateRenderException(new Diagnostic(DiagnosticCodes.TemplateError, Describe(ex), ex.Span.FileName ?? compiled.SourceFilePath ?? template, ex.Span.Start.Line + 1, ex.Span.Start.Column + 1));
            }

            context.Clear();
            pool.Add(context);
            return result;
        }

        /// <summary>The page as one span of the buffer when it fits in one chunk (the pooled buffers soon do), else as a copy.</summary>
        private static TResult Take<TResult>(StringBuilder output, PageConsumer<TResult> take)
        {
            var chunks = output.GetChunks();
            if (chunks.MoveNext())
            {
                var first = chunks.Current;
                if (first.Length == output.Length)
                {
                    return take(first.Span);
                }
            }

            return take(output.ToString());
        }

        private static string Describe(ScriptRuntimeException ex) => ex switch
        {
            TemplateMistake mistake => mistake.OriginalMessage,
            _ when ex.OriginalMessage.StartsWith("The variable or function", StringComparison.Ordinal) =>
                $"unbekannter Name in der Vorlage: {ex.OriginalMessage}",
            _ when ex.OriginalMessage.StartsWith("Cannot get the member", StringComparison.Ordinal) || ex.OriginalMessage.StartsWith("Object `", StringComparison.Ordinal) =>
                $"Feld eines leeren Werts gelesen ({ex.OriginalMessage}) — fragen Sie den Wert vorher mit {{{{ if … }}}} ab",
            _ => ex.OriginalMessage,
        };
    }

    /// <summary>
    /// Builtins shared by every context of a theme, read-only so no render can change them for another. The stock
    /// <c>include</c> (returns a string that would be encoded twice) and <c>html</c> (its escape would encode twice)
    /// are left out; <c>date</c>, <c>timespan</c>, <c>regex</c> depend on machine state or are not needed.
    /// </summary>
    private static ScriptObject Builtins(Dictionary<string, Template> partials, HashSet<string> reusable)
    {
        var all = new BuiltinFunctions();
        var builtins = new ScriptObject();
        foreach (var keep in new[] { "array", "math", "string", "object", "empty", "blank" })
        {
            var value = all[keep];
            if (value is ScriptObject nested)
            {
                nested.IsReadOnly = true;
            }

            builtins.SetValue(keep, value, readOnly: true);
        }

        builtins.SetValue(RawFunction, new RawHtmlFunction(), readOnly: true);
        builtins.SetValue(IncludeFunction, new PartialFunction(partials, reusable), readOnly: true);
        builtins.IsReadOnly = true;
        return builtins;
    }

    /// <summary>
    /// Checks every name a template uses against the C# properties of its view, in all branches, when the theme is
    /// read: a typo is reported before any page is rendered, and all of them at once. Partials are checked with the
    /// type of the value each include passes. What cannot be typed (builtins, own variables) is left to render time.
    /// </summary>
    private sealed class NameCheck(Dictionary<string, Template> partials, DiagnosticBag diagnostics)
    {
        private static readonly HashSet<string> BuiltinNames = ["array", "math", "string", "object", "empty", "blank", "for", "while", "tablerow", RawFunction, IncludeFunction];
        private readonly HashSet<(string, Type)> checkedPartials = [];

        public bool Failed { get; private set; }

        public void Check(Template template, Type model) => Walk(template.Page, new Scope(model, Assigned(template.Page), ImmutableDictionary<string, Type?>.Empty), template.SourceFilePath ?? string.Empty);

        private sealed record Scope(Type Model, HashSet<string> Assigned, ImmutableDictionary<string, Type?> Loops);

        /// <summary>Variables the template assigns itself; they hold values the check cannot type.</summary>
        private static HashSet<string> Assigned(ScriptNode? root)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            void Visit(ScriptNode? node)
            {
                if (node is null)
                {
                    return;
                }

                if (node is ScriptAssignExpression { Target: ScriptVariable v })
                {
                    names.Add(v.Name);
                }

                foreach (var child in node.Children)
                {
                    Visit(child);
                }
            }

            Visit(root);
            return names;
        }

        /// <summary>Checks a node and returns the C# type of its value where it is known.</summary>
        private Type? Walk(ScriptNode? node, Scope scope, string file)
        {
            switch (node)
            {
                case null:
                    return null;
                case ScriptFunction:
                    // Parameters of a theme's own function have no known type.
                    return null;
                case ScriptVariableGlobal variable:
                    return Variable(variable, scope, file);
                case ScriptMemberExpression { Target: { } target, Member: { } member }:
                    var owner = Walk(target, scope, file);
                    return owner is null ? null : Member(owner, member, file);
                case ScriptForStatement loop when loop.Variable is ScriptVariable item:
                    var items = Walk(loop.Iterator, scope, file);
                    var inner = scope with { Loops = scope.Loops.SetItem(item.Name, ElementType(items)) };
                    Walk(loop.Body, inner, file);
                    Walk(loop.Else, scope, file);
                    return null;
                case ScriptAssignExpression assign:
                    Walk(assign.Value, scope, file);
                    return null;
                case ScriptFunctionCall { Target: ScriptVariableGlobal { Name: IncludeFunction } } call:
                    Include(call, scope, file);
                    return null;
                case ScriptNestedExpression nested:
                    return Walk(nested.Expression, scope, file);
            }

            foreach (var child in node.Children)
            {
                Walk(child, scope, file);
            }

            return null;
        }

        private Type? Variable(ScriptVariableGlobal variable, Scope scope, string file)
        {
            var name = variable.Name;
            if (scope.Loops.TryGetValue(name, out var loopType))
            {
                return loopType;
            }

            if (scope.Assigned.Contains(name) || BuiltinNames.Contains(name))
            {
                return null;
            }

            var accessor = StrictAccessor.For(scope.Model);
            if (accessor.Type(name) is { } type)
            {
                return type;
            }

            Report(file, variable.Span, $"unbekannte Variable '{name}' — {accessor.TypeName} hat {accessor.List()}{Suggestions.Hint(name, accessor.Names.Concat(scope.Loops.Keys))}");
            return null;
        }

        private Type? Member(Type owner, ScriptVariable member, string file)
        {
            if (!IsView(owner))
            {
                return null;
            }

            var accessor = StrictAccessor.For(owner);
            if (accessor.Type(member.Name) is { } type)
            {
                return type;
            }

            Report(file, member.Span, $"unbekanntes Feld '{member.Name}' — {accessor.TypeName} hat {accessor.List()}{Suggestions.Hint(member.Name, accessor.Names)}");
            return null;
        }

        private void Include(ScriptFunctionCall call, Scope scope, string file)
        {
            var model = call.Arguments.Count > 1 ? Walk(call.Arguments[1], scope, file) : null;
            if (call.Arguments.Count == 0 || call.Arguments[0] is not ScriptLiteral { Value: string name })
            {
                foreach (var argument in call.Arguments)
                {
                    Walk(argument, scope, file);
                }

                return;
            }

            if (!partials.TryGetValue(name, out var partial))
            {
                Report(file, call.Span, $"unbekanntes Partial '{name}' — vorhanden: {string.Join(", ", partials.Keys.Order(StringComparer.Ordinal))}{Suggestions.Hint(name, partials.Keys)}");
                return;
            }

            if (model is not null && IsView(model) && checkedPartials.Add((name, model)))
            {
                Check(partial, model);
            }
        }

        private void Report(string file, ScriptSpan span, string message)
        {
            Failed = true;
            diagnostics.Error(DiagnosticCodes.TemplateError, message, At(span.FileName ?? file, span));
        }

        /// <summary>Types whose members a template reads by name: the view records, not text, numbers or lists.</summary>
        private static bool IsView(Type type) =>
            type != typeof(string) && type != typeof(object) && !type.IsPrimitive && type != typeof(decimal) && !typeof(IEnumerable).IsAssignableFrom(type);

        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "View records and the lists they hold: the native build roots this assembly (TrimmerRootAssembly in the CLI), so their properties and interfaces are kept.")]
        private static Type? ElementType(Type? list) =>
            list is null || list == typeof(string)
                ? null
                : list.GetInterfaces().Append(list).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    /// <summary>The render state of one page: encodes every value it writes, except what <c>raw_html</c> returns.</summary>
    private sealed class HtmlContext : TemplateContext
    {
        public HtmlContext(ScriptObject builtins) : base(builtins, StringComparer.Ordinal)
        {
            StrictVariables = true;
            EnableRelaxedMemberAccess = false;
            EnableRelaxedTargetAccess = false;
            EnableRelaxedFunctionAccess = false;

            // Scriban's defaults stop a loop at 1,000 iterations and silently cut output at 1 MiB with "...";
            // a Handlungsfeld page lists thousands of cards, and a cut page would be a broken page.
            LoopLimit = 0;
            LimitToString = 0;

            // Output is exactly the template's text: no indentation copied into multi-line values.
            AutoIndent = false;
            MemberRenamer = member => member.Name;
        }

        /// <summary>Nesting of partials, so a partial that includes itself fails instead of overflowing the stack.</summary>
        public int IncludeDepth { get; set; }

        public string RenderPage(Template template, object model)
        {
            try
            {
                return RenderInto(template, model).ToString();
            }
            finally
            {
                Clear();
            }
        }

        /// <summary>Renders a template into this context's buffer and returns the buffer; <see cref="Clear"/> makes the context ready for the next page.</summary>
        public StringBuilder RenderInto(Template template, object model)
        {
            PushGlobal(new ModelScope(model, BuiltinObject));
            Evaluate(template, this);
            return ((StringBuilderOutput)Output).Builder;
        }

        /// <summary>Renders another template with its own model where the current one stands, as a partial is.</summary>
        public void RenderNested(Template template, object model)
        {
            PushGlobal(new ModelScope(model, BuiltinObject));
            try
            {
                Evaluate(template, this);
            }
            finally
            {
                PopGlobal();
            }
        }

        public void Clear()
        {
            Reset();
            IncludeDepth = 0;
        }

        /// <summary>Evaluates a parsed template into the current output, as Scriban's own rendering does.</summary>
        public static void Evaluate(Template template, HtmlContext context)
        {
            if (template.Page is null)
            {
                return;
            }

            context.PushSourceFile(template.SourceFilePath ?? string.Empty);
            try
            {
                var result = context.Evaluate(template.Page);
                if (result is not null)
                {
                    context.Write(template.Page.Span, result);
                }
            }
            finally
            {
                context.PopSourceFile();
            }
        }

        // Literal template text goes through Write(string) untouched; every value an expression yields comes here.
        public override TemplateContext Write(ScriptSpan span, object? textAsObject)
        {
            switch (textAsObject)
            {
                case null:
                    return this;
                case RawOutput raw:
                    raw.Html.WriteTo(((StringBuilderOutput)Output).Builder);
                    return this;
                default:
                    var text = ObjectToString(textAsObject);
                    if (!string.IsNullOrEmpty(text))
                    {
                        WriteEncoded(text);
                    }

                    return this;
            }
        }

        /// <summary>The characters handlebars.js (and so this site until now) encodes: &amp;, &lt;, &gt;, quotes, backtick and '='.</summary>
        private void WriteEncoded(string text)
        {
            // Clean runs go to the output as slices of the value, entities in between: no copy of the value is made.
            var start = 0;
            int next;
            while ((next = text.AsSpan(start).IndexOfAny(MustEncode)) >= 0)
            {
                var at = start + next;
                Write(text, start, at - start);
                Write(text[at] switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    '\'' => "&#x27;",
                    '`' => "&#x60;",
                    _ => "&#x3D;",
                });
                start = at + 1;
            }

            Write(text, start, text.Length - start);
        }

        private static readonly System.Buffers.SearchValues<char> MustEncode = System.Buffers.SearchValues.Create("&<>\"'`=");

        // Same truth as before the port: nothing, false, empty text, zero and empty lists are false.
        public override bool ToBool(ScriptSpan span, object? value) => value switch
        {
            null => false,
            bool b => b,
            string s => s.Length > 0,
            int i => i != 0,
            long l => l != 0,
            ICollection c => c.Count > 0,
            IEnumerable e => e.GetEnumerator().MoveNext(),
            _ => base.ToBool(span, value),
        };

        // View records get a strict, compiled accessor; strings, numbers, lists and script objects keep Scriban's own.
        protected override IObjectAccessor? GetMemberAccessorImpl(object target) =>
            target is IScriptObject or string or IEnumerable || target.GetType().IsPrimitive || target is decimal
                ? base.GetMemberAccessorImpl(target)
                : StrictAccessor.For(target.GetType());
    }

    /// <summary>An expression's value that a template may print unencoded: only ever made by <c>raw_html</c>.</summary>
    private sealed record RawOutput(TrustedHtml Html);

    /// <summary>A mistake in a template, with a German message, at the span of the offending name.</summary>
    private sealed class TemplateMistake(ScriptSpan span, string message) : ScriptRuntimeException(span, message);

    /// <summary>
    /// The page's model as the template's global variables: its properties by their C# names, assignments in a local
    /// overlay, builtins passed through, and any other name an error with a suggestion.
    /// </summary>
    private sealed class ModelScope(object model, IScriptObject builtins) : IScriptObject
    {
        private readonly StrictAccessor accessor = StrictAccessor.For(model.GetType());
        private ScriptObject? assigned;

        public int Count => accessor.Names.Count + (assigned?.Count ?? 0);

        public bool IsReadOnly { get; set; }

        public IEnumerable<string> GetMembers() => accessor.Names.Concat(assigned?.GetMembers() ?? []);

        public bool Contains(string member) => accessor.Has(member) || assigned?.Contains(member) == true;

        public bool TryGetValue(TemplateContext? context, ScriptSpan span, string member, out object? value)
        {
            if (assigned is not null && assigned.TryGetValue(context, span, member, out value))
            {
                return true;
            }

            if (accessor.TryGet(model, member, out value))
            {
                return true;
            }

            if (builtins.Contains(member))
            {
                return false;
            }

            throw new TemplateMistake(span, $"unbekannte Variable '{member}' — {accessor.TypeName} hat {accessor.List()}{Suggestions.Hint(member, accessor.Names)}");
        }

        public bool CanWrite(string member) => !accessor.Has(member) && !builtins.Contains(member);

        public bool TrySetValue(TemplateContext? context, ScriptSpan span, string member, object? value, bool readOnly)
        {
            if (!CanWrite(member))
            {
                return false;
            }

            assigned ??= new ScriptObject();
            return assigned.TrySetValue(context, span, member, value, readOnly);
        }

        public bool Remove(string member) => assigned?.Remove(member) == true;

        public void SetReadOnly(string member, bool readOnly) => assigned?.SetReadOnly(member, readOnly);

        public IScriptObject Clone(bool deep) => new ModelScope(model, builtins);
    }

    /// <summary>
    /// Public properties of a view type under their C# names, read through compiled getters shared by all threads;
    /// reading a name the type does not have is an error that lists what it has.
    /// </summary>
    private sealed class StrictAccessor : IObjectAccessor
    {
        private static readonly ConcurrentDictionary<Type, StrictAccessor> Cache = new();
        private readonly Dictionary<string, Func<object, object?>> getters;
        private readonly Dictionary<string, Type> types;

        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "View records and the lists they hold: the native build roots this assembly (TrimmerRootAssembly in the CLI), so their properties and interfaces are kept.")]
        private StrictAccessor(Type type)
        {
            TypeName = type.Name;
            var properties = type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
                .ToList();
            getters = properties.ToDictionary(p => p.Name, p => Getter(type, p), StringComparer.Ordinal);
            types = properties.ToDictionary(p => p.Name, p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType, StringComparer.Ordinal);
            Names = [.. getters.Keys.Order(StringComparer.Ordinal)];
        }

        public string TypeName { get; }

        public IReadOnlyList<string> Names { get; }

        public static StrictAccessor For(Type type) => Cache.GetOrAdd(type, t => new StrictAccessor(t));

        public bool Has(string member) => getters.ContainsKey(member);

        /// <summary>The declared type of a property, without Nullable&lt;&gt;; null when the type has no such property.</summary>
        public Type? Type(string member) => types.TryGetValue(member, out var type) ? type : null;

        public bool TryGet(object target, string member, out object? value)
        {
            if (getters.TryGetValue(member, out var getter))
            {
                value = getter(target);
                return true;
            }

            value = null;
            return false;
        }

        public string List() => Names.Count == 0 ? "keine Felder" : "die Felder " + string.Join(", ", Names);

        private static Func<object, object?> Getter(Type type, PropertyInfo property)
        {
            // Without a JIT (the native build) a compiled expression is interpreted, slower than reflection's own call.
            if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled)
            {
                return property.GetValue;
            }

            var target = Expression.Parameter(typeof(object));
            var read = Expression.Property(Expression.Convert(target, type), property);
            return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), target).Compile();
        }

        public int GetMemberCount(TemplateContext context, ScriptSpan span, object target) => getters.Count;

        public IEnumerable<string> GetMembers(TemplateContext context, ScriptSpan span, object target) => Names;

        public bool HasMember(TemplateContext context, ScriptSpan span, object target, string member) => Has(member);

        public bool TryGetValue(TemplateContext context, ScriptSpan span, object target, string member, out object? value) =>
            TryGet(target, member, out value)
                ? true
                : throw new TemplateMistake(span, $"unbekanntes Feld '{member}' — {TypeName} hat {List()}{Suggestions.Hint(member, Names)}");

        public bool TrySetValue(TemplateContext context, ScriptSpan span, object target, string member, object? value) =>
            throw new TemplateMistake(span, $"'{member}' kann in einer Vorlage nicht geändert werden; legen Sie eine eigene Variable an");

        public bool TryGetItem(TemplateContext context, ScriptSpan span, object target, object index, out object? value)
        {
            value = null;
            return false;
        }

        public bool TrySetItem(TemplateContext context, ScriptSpan span, object target, object index, object? value) => false;

        public bool HasIndexer => false;

        public Type? IndexType => null;
    }

    /// <summary><c>raw_html Wert</c>: prints HTML the generator made itself; any other value is a mistake, not a bypass.</summary>
    private sealed class RawHtmlFunction() : ThemeFunction(1)
    {
        public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var span = callerContext?.Span ?? context.CurrentSpan;
            if (arguments.Count != 1)
            {
                throw new TemplateMistake(span, $"{RawFunction} erwartet genau einen Wert, z. B. {{{{ {RawFunction} BodyHtml }}}}");
            }

            return arguments[0] switch
            {
                null => null,
                TrustedHtml html => new RawOutput(html),
                var other => throw new TemplateMistake(span, $"{RawFunction} gibt nur HTML aus, das der Generator selbst erzeugt hat (etwa BodyHtml oder Content); ein Wert vom Typ {other.GetType().Name} wird mit {{{{ Wert }}}} kodiert ausgegeben"),
            };
        }
    }

    /// <summary>
    /// <c>include "name" wert</c>: renders partial <c>templates/partials/name</c> straight into the page with the value
    /// as its model, so its output is encoded once (Scriban's own include returns a string that would be encoded again).
    /// </summary>
    private sealed class PartialFunction(Dictionary<string, Template> partials, HashSet<string> reusable) : ThemeFunction(2)
    {
        private const int MaxDepth = 32;


        public override object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            var span = callerContext?.Span ?? context.CurrentSpan;
            if (arguments.Count is < 1 or > 2 || arguments[0] is not string name)
            {
                throw new TemplateMistake(span, $"{IncludeFunction} erwartet den Namen eines Partials und einen Wert, z. B. {{{{ {IncludeFunction} \"karte\" card }}}}");
            }

            if (!partials.TryGetValue(name, out var partial))
            {
                throw new TemplateMistake(span, $"unbekanntes Partial '{name}' — vorhanden: {string.Join(", ", partials.Keys.Order(StringComparer.Ordinal))}{Suggestions.Hint(name, partials.Keys)}");
            }

            var model = arguments.Count == 2 ? arguments[1] : null;
            if (model is null)
            {
                throw new TemplateMistake(span, $"{IncludeFunction} \"{name}\" bekommt einen leeren Wert; übergeben Sie das Objekt, das das Partial zeigt");
            }

            var html = (HtmlContext)context;
            // The HTML of a reusable partial for a shared view is kept with the view (the cards of one build) in UTF-8:
            // half the memory of a string for markup that is nearly all ASCII, and decoding it is cheap.
            var memo = model is ISharedView shared && reusable.Contains(name) ? shared.Memo : null;
            var output = ((StringBuilderOutput)html.Output).Builder;
            if (memo?.Get(name, model) is { } again)
            {
                var chars = System.Buffers.ArrayPool<char>.Shared.Rent(again.Length);
                output.Append(chars, 0, Encoding.UTF8.GetChars(again, chars));
                System.Buffers.ArrayPool<char>.Shared.Return(chars);
                return null;
            }

            if (html.IncludeDepth >= MaxDepth)
            {
                throw new TemplateMistake(span, $"Partials binden sich mehr als {MaxDepth}-mal ineinander ein — bindet '{name}' sich selbst ein?");
            }

            html.IncludeDepth++;
            html.PushGlobal(new ModelScope(model, html.BuiltinObject));
            var start = output.Length;
            try
            {
                HtmlContext.Evaluate(partial, html);
                memo?.Set(name, model, Encoding.UTF8.GetBytes(output.ToString(start, output.Length - start)));
            }
            finally
            {
                html.PopGlobal();
                html.IncludeDepth--;
            }

            return null;
        }
    }

    /// <summary>A theme function that checks its own arguments, so its mistakes get German messages, not Scriban's.</summary>
    private abstract class ThemeFunction(int parameterCount) : IScriptCustomFunction
    {
        public abstract object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement);

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

        public int RequiredParameterCount => 0;

        public int ParameterCount => parameterCount;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType => typeof(object);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "arg" + index);
    }
}
