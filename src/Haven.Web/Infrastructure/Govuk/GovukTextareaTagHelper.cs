using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Haven.Web.Infrastructure.Govuk;

/// <summary>
/// A GOV.UK textarea: <c>&lt;govuk-textarea for="Input.Notes" label="Case note" hint="..." rows="5" /&gt;</c>
/// </summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    [HtmlAttributeName("textarea-class")]
    public string? TextareaClass { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = Id;
        var error = ErrorMessage;
        var hintId = Hint is null ? null : $"{id}-hint";
        var errorId = error is null ? null : $"{id}-error";

        var group = GovukHtml.FormGroup(error is not null);
        group.InnerHtml.AppendHtml(GovukHtml.Label(id, Label ?? DisplayName, LabelClass, LabelIsPageHeading));
        if (Hint is not null) group.InnerHtml.AppendHtml(GovukHtml.Hint(hintId!, Hint));
        if (error is not null) group.InnerHtml.AppendHtml(GovukHtml.ErrorMessage(errorId!, error));

        var textarea = new TagBuilder("textarea");
        textarea.AddCssClass("govuk-textarea");
        if (!string.IsNullOrEmpty(TextareaClass)) textarea.AddCssClass(TextareaClass);
        if (error is not null) textarea.AddCssClass("govuk-textarea--error");
        textarea.Attributes["id"] = id;
        textarea.Attributes["name"] = FullName;
        textarea.Attributes["rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Spellcheck is { } spellcheck) textarea.Attributes["spellcheck"] = spellcheck ? "true" : "false";
        if (DescribedBy(hintId, errorId) is { } describedBy) textarea.Attributes["aria-describedby"] = describedBy;
        GovukHtml.MoveUnboundAttributes(output, textarea);
        // Browsers drop one newline straight after <textarea>, so keep a leading blank line typed by the user.
        textarea.InnerHtml.AppendHtml(Environment.NewLine);
        textarea.InnerHtml.Append(CurrentValue() ?? "");
        group.InnerHtml.AppendHtml(textarea);

        Render(output, group);
    }
}
