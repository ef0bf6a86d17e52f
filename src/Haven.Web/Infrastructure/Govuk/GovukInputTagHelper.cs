using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Haven.Web.Infrastructure.Govuk;

/// <summary>
/// A GOV.UK text input:
/// <c>&lt;govuk-input for="Input.FirstName" label="First name" hint="..." input-class="govuk-input--width-20"
/// type="text" autocomplete="given-name" spellcheck="false" /&gt;</c>
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    /// <summary>text, email, password, number, tel, search or url.</summary>
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("input-class")]
    public string? InputClass { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

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

        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("govuk-input");
        if (!string.IsNullOrEmpty(InputClass)) input.AddCssClass(InputClass);
        if (error is not null) input.AddCssClass("govuk-input--error");
        input.Attributes["id"] = id;
        input.Attributes["name"] = FullName;
        input.Attributes["type"] = Type;
        // A password is never sent back to the browser, even when the form has errors.
        var value = Type == "password" ? null : CurrentValue();
        if (!string.IsNullOrEmpty(value)) input.Attributes["value"] = value;
        if (Spellcheck is { } spellcheck) input.Attributes["spellcheck"] = spellcheck ? "true" : "false";
        if (Autocomplete is not null) input.Attributes["autocomplete"] = Autocomplete;
        if (InputMode is not null) input.Attributes["inputmode"] = InputMode;
        if (DescribedBy(hintId, errorId) is { } describedBy) input.Attributes["aria-describedby"] = describedBy;
        GovukHtml.MoveUnboundAttributes(output, input);
        group.InnerHtml.AppendHtml(input);

        Render(output, group);
    }
}
