using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Haven.Web.Infrastructure.Govuk;

/// <summary>
/// A GOV.UK date input bound to a DateOnly or DateOnly? property:
/// <c>&lt;govuk-date-input for="Input.DateOfBirth" legend="What is the child's date of birth?" hint="For example, 27 3 2007" /&gt;</c>.
/// It posts <c>Input.DateOfBirth.Day</c>, <c>.Month</c> and <c>.Year</c>, which
/// <see cref="GovukDateModelBinder"/> (registered by AddGovukFrontend) reads back into the date.
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    /// <summary>Autocomplete for a date of birth: "bday" fills the fields with bday-day, bday-month, bday-year.</summary>
    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id;
        var error = ErrorMessage;
        var hintId = Hint is null ? null : $"{id}-hint";
        var errorId = error is null ? null : $"{id}-error";

        var (day, month, year) = CurrentParts();
        var highlight = GovukDate.PartsToHighlight(day, month, year, error is not null);

        var fieldset = GovukHtml.Fieldset(Legend ?? DisplayName, LegendClass, LegendIsPageHeading, DescribedBy(hintId, errorId), role: "group");
        if (Hint is not null) fieldset.InnerHtml.AppendHtml(GovukHtml.Hint(hintId!, Hint));
        if (error is not null) fieldset.InnerHtml.AppendHtml(GovukHtml.ErrorMessage(errorId!, error));

        var inputs = new TagBuilder("div");
        inputs.AddCssClass("govuk-date-input");
        inputs.Attributes["id"] = id;
        GovukHtml.MoveUnboundAttributes(output, inputs);
        inputs.InnerHtml.AppendHtml(Item("Day", day, width: 2, highlight.HasFlag(DateParts.Day)));
        inputs.InnerHtml.AppendHtml(Item("Month", month, width: 2, highlight.HasFlag(DateParts.Month)));
        inputs.InnerHtml.AppendHtml(Item("Year", year, width: 4, highlight.HasFlag(DateParts.Year)));
        fieldset.InnerHtml.AppendHtml(inputs);

        var group = GovukHtml.FormGroup(error is not null);
        group.InnerHtml.AppendHtml(fieldset);
        // The error summary links to the first field in error, or to the day.
        var firstPart = highlight.HasFlag(DateParts.Day) || highlight == DateParts.None ? "Day"
            : highlight.HasFlag(DateParts.Month) ? "Month" : "Year";
        Render(output, group, GovukHtml.IdFor($"{FullName}.{firstPart}"));
    }

    private TagBuilder Item(string part, string? value, int width, bool hasError)
    {
        var name = $"{FullName}.{part}";
        var itemId = GovukHtml.IdFor(name);

        var item = new TagBuilder("div");
        item.AddCssClass("govuk-date-input__item");
        var group = new TagBuilder("div");
        group.AddCssClass("govuk-form-group");

        var label = new TagBuilder("label");
        label.AddCssClass("govuk-label");
        label.AddCssClass("govuk-date-input__label");
        label.Attributes["for"] = itemId;
        label.InnerHtml.Append(part);
        group.InnerHtml.AppendHtml(label);

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("govuk-input");
        input.AddCssClass("govuk-date-input__input");
        input.AddCssClass($"govuk-input--width-{width}");
        if (hasError) input.AddCssClass("govuk-input--error");
        input.Attributes["id"] = itemId;
        input.Attributes["name"] = name;
        input.Attributes["type"] = "text";
        input.Attributes["inputmode"] = "numeric";
        if (!string.IsNullOrEmpty(value)) input.Attributes["value"] = value;
        if (Autocomplete is not null) input.Attributes["autocomplete"] = $"{Autocomplete}-{part.ToLowerInvariant()}";
        group.InnerHtml.AppendHtml(input);

        item.InnerHtml.AppendHtml(group);
        return item;
    }

    /// <summary>What the user typed if the form came back, otherwise the model's date.</summary>
    private (string? Day, string? Month, string? Year) CurrentParts()
    {
        if (ModelState.ContainsKey($"{FullName}.Day") || ModelState.ContainsKey($"{FullName}.Month") || ModelState.ContainsKey($"{FullName}.Year"))
            return (Attempted("Day"), Attempted("Month"), Attempted("Year"));

        return For.Model switch
        {
            DateOnly date => (Format(date.Day), Format(date.Month), Format(date.Year)),
            _ => (null, null, null),
        };
    }

    private string? Attempted(string part) =>
        ModelState.TryGetValue($"{FullName}.{part}", out var entry) ? entry.AttemptedValue : null;
}
