using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Haven.Web.Infrastructure.Govuk;

/// <summary>
/// Radios and checkboxes: a fieldset with a legend, a hint, the error and one input per item.
/// The first input's id is the field's id, so the error summary's link lands on it; the others
/// are numbered after it (<c>Input_Sex</c>, <c>Input_Sex-2</c>, ...), as GOV.UK Frontend does.
/// </summary>
public abstract class GovukChoicesTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    /// <summary>"small" for the smaller radios or checkboxes.</summary>
    [HtmlAttributeName("size")]
    public string? Size { get; set; }

    protected abstract string Kind { get; }

    protected abstract bool IsChecked(SelectListItem item, string value);

    /// <summary>Items marked Selected are defaults for a fresh form, not for one that came back
    /// with nothing chosen.</summary>
    protected bool UseItemDefaults => HttpMethods.IsGet(ViewContext.HttpContext.Request.Method);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id;
        var error = ErrorMessage;
        var hintId = Hint is null ? null : $"{id}-hint";
        var errorId = error is null ? null : $"{id}-error";

        var fieldset = GovukHtml.Fieldset(Legend ?? DisplayName, LegendClass, LegendIsPageHeading, DescribedBy(hintId, errorId));
        if (Hint is not null) fieldset.InnerHtml.AppendHtml(GovukHtml.Hint(hintId!, Hint));
        if (error is not null) fieldset.InnerHtml.AppendHtml(GovukHtml.ErrorMessage(errorId!, error));

        var list = new TagBuilder("div");
        list.AddCssClass($"govuk-{Kind}");
        if (Inline) list.AddCssClass($"govuk-{Kind}--inline");
        if (Size == "small") list.AddCssClass($"govuk-{Kind}--small");
        list.Attributes["data-module"] = $"govuk-{Kind}";
        GovukHtml.MoveUnboundAttributes(output, list);

        var index = 0;
        foreach (var item in Items)
        {
            index++;
            var itemId = index == 1 ? id : $"{id}-{index}";
            var value = item.Value ?? item.Text;

            var wrapper = new TagBuilder("div");
            wrapper.AddCssClass($"govuk-{Kind}__item");

            var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            input.AddCssClass($"govuk-{Kind}__input");
            input.Attributes["id"] = itemId;
            input.Attributes["name"] = FullName;
            input.Attributes["type"] = Kind == "radios" ? "radio" : "checkbox";
            input.Attributes["value"] = value;
            if (IsChecked(item, value)) input.Attributes["checked"] = "checked";
            if (item.Disabled) input.Attributes["disabled"] = "disabled";
            wrapper.InnerHtml.AppendHtml(input);

            var label = new TagBuilder("label");
            label.AddCssClass("govuk-label");
            label.AddCssClass($"govuk-{Kind}__label");
            label.Attributes["for"] = itemId;
            label.InnerHtml.Append(item.Text);
            wrapper.InnerHtml.AppendHtml(label);

            list.InnerHtml.AppendHtml(wrapper);
        }
        fieldset.InnerHtml.AppendHtml(list);

        var group = GovukHtml.FormGroup(error is not null);
        group.InnerHtml.AppendHtml(fieldset);
        Render(output, group);
    }
}

/// <summary>
/// <c>&lt;govuk-radios for="Input.ContactPreference" legend="How should we contact you?" hint="..."
/// items="Model.ContactOptions" inline="false" legend-is-page-heading="false" /&gt;</c>
/// </summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : GovukChoicesTagHelper
{
    private string? current;

    protected override string Kind => "radios";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        current = CurrentValue();
        base.Process(context, output);
    }

    protected override bool IsChecked(SelectListItem item, string value) =>
        current is null ? UseItemDefaults && item.Selected : string.Equals(value, current, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// <c>&lt;govuk-checkboxes for="Input.Needs" legend="..." items="Model.NeedOptions" /&gt;</c>,
/// bound to a collection of strings (<c>List&lt;string&gt; Needs</c>).
/// </summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxesTagHelper : GovukChoicesTagHelper
{
    private IReadOnlyCollection<string> current = [];

    protected override string Kind => "checkboxes";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        current = CurrentValues();
        base.Process(context, output);
    }

    protected override bool IsChecked(SelectListItem item, string value) =>
        current.Count == 0 ? UseItemDefaults && item.Selected : current.Contains(value, StringComparer.OrdinalIgnoreCase);
}
