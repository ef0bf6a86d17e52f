using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Haven.Web.Infrastructure.Govuk;

/// <summary>
/// What every GOV.UK form field shares: it is bound to a model property with <c>for</c>, takes its
/// name and id from it, shows what the user last typed, and shows that property's error from
/// ModelState, so pages write no error markup of their own.
/// </summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    protected ModelStateDictionary ModelState => ViewContext.ViewData.ModelState;

    /// <summary>The posted field name, such as <c>Input.FirstName</c>.</summary>
    protected string FullName => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string Id => GovukHtml.IdFor(FullName);

    protected string DisplayName => For.Metadata.DisplayName ?? For.Metadata.Name ?? For.Name;

    /// <summary>The first error ModelState holds for this field, if any.</summary>
    protected string? ErrorMessage => GovukModelState.FirstError(ModelState, FullName);

    /// <summary>What was posted for this field if the form came back, otherwise the model's value.</summary>
    protected string? CurrentValue()
    {
        if (ModelState.TryGetValue(FullName, out var entry) && entry.RawValue is not null)
            return entry.AttemptedValue;
        return Format(For.Model);
    }

    /// <summary>Every posted value (checkboxes), otherwise the model's values.</summary>
    protected IReadOnlyCollection<string> CurrentValues()
    {
        if (ModelState.TryGetValue(FullName, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string[] values => values,
                var value => [Format(value) ?? ""],
            };
        }
        return For.Model switch
        {
            null => [],
            string value => [value],
            System.Collections.IEnumerable values => values.Cast<object?>().Select(Format).OfType<string>().ToArray(),
            var value => [Format(value) ?? ""],
        };
    }

    protected static string? Format(object? value) => value switch
    {
        null => null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Joins the ids that describe a control (hint, error) for aria-describedby.</summary>
    protected static string? DescribedBy(params string?[] ids)
    {
        var present = ids.Where(id => !string.IsNullOrEmpty(id)).ToArray();
        return present.Length == 0 ? null : string.Join(' ', present);
    }

    /// <summary>Writes the field and tells the error summary where it is (see <see cref="GovukFormFields"/>).</summary>
    protected void Render(TagHelperOutput output, TagBuilder formGroup, string? errorLinkTargetId = null)
    {
        GovukFormFields.For(ViewContext.HttpContext).Add(FullName, errorLinkTargetId ?? Id);
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Content.SetHtmlContent(formGroup);
    }
}

internal static class GovukModelState
{
    public static string? FirstError(ModelStateDictionary modelState, string key)
    {
        if (!modelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
            return null;
        var error = entry.Errors[0];
        return string.IsNullOrEmpty(error.ErrorMessage) ? "Enter a valid value" : error.ErrorMessage;
    }
}

/// <summary>
/// The fields a page has rendered, in order, with the id each error summary link should go to.
/// GOV.UK lists errors in the order the fields appear, which ModelState's order need not match.
/// </summary>
internal sealed class GovukFormFields
{
    private static readonly object Key = new();
    private readonly Dictionary<string, (int Order, string TargetId)> fields = new(StringComparer.OrdinalIgnoreCase);

    public static GovukFormFields For(HttpContext httpContext)
    {
        if (httpContext.Items.TryGetValue(Key, out var existing) && existing is GovukFormFields fields)
            return fields;
        fields = new GovukFormFields();
        httpContext.Items[Key] = fields;
        return fields;
    }

    public void Add(string fullName, string targetId) => fields.TryAdd(fullName, (fields.Count, targetId));

    public bool TryGet(string fullName, out int order, out string targetId)
    {
        var found = fields.TryGetValue(fullName, out var field);
        (order, targetId) = field;
        return found;
    }
}
