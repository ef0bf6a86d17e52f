using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Haven.Web.Infrastructure.Govuk;

/// <summary>
/// A GOV.UK select: <c>&lt;govuk-select for="Input.Team" label="Team" items="Model.Teams" /&gt;</c>.
/// The option whose value matches the field's current value is selected; with no current value,
/// the items' own Selected flags apply.
/// </summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    [HtmlAttributeName("select-class")]
    public string? SelectClass { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id;
        var error = ErrorMessage;
        var hintId = Hint is null ? null : $"{id}-hint";
        var errorId = error is null ? null : $"{id}-error";
        var current = CurrentValue();

        var group = GovukHtml.FormGroup(error is not null);
        group.InnerHtml.AppendHtml(GovukHtml.Label(id, Label ?? DisplayName, LabelClass, LabelIsPageHeading));
        if (Hint is not null) group.InnerHtml.AppendHtml(GovukHtml.Hint(hintId!, Hint));
        if (error is not null) group.InnerHtml.AppendHtml(GovukHtml.ErrorMessage(errorId!, error));

        var select = new TagBuilder("select");
        select.AddCssClass("govuk-select");
        if (!string.IsNullOrEmpty(SelectClass)) select.AddCssClass(SelectClass);
        if (error is not null) select.AddCssClass("govuk-select--error");
        select.Attributes["id"] = id;
        select.Attributes["name"] = FullName;
        if (DescribedBy(hintId, errorId) is { } describedBy) select.Attributes["aria-describedby"] = describedBy;
        GovukHtml.MoveUnboundAttributes(output, select);

        foreach (var item in Items)
        {
            var option = new TagBuilder("option");
            var value = item.Value ?? item.Text;
            option.Attributes["value"] = value;
            var selected = current is null ? item.Selected : string.Equals(value, current, StringComparison.OrdinalIgnoreCase);
            if (selected) option.Attributes["selected"] = "selected";
            if (item.Disabled) option.Attributes["disabled"] = "disabled";
            option.InnerHtml.Append(item.Text);
            select.InnerHtml.AppendHtml(option);
        }
        group.InnerHtml.AppendHtml(select);

        Render(output, group);
    }
}
