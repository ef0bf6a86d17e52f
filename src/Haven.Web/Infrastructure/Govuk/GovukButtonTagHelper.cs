using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Haven.Web.Infrastructure.Govuk;

/// <summary>
/// A GOV.UK button: <c>&lt;govuk-button text="Save" secondary="false" warning="false" prevent-double-click="true" /&gt;</c>
/// or with the text as content. With <c>href</c> it is a link styled as a button ("Start now").
/// Other attributes (name, value, formaction, id) go on the button.
/// </summary>
[HtmlTargetElement("govuk-button")]
public sealed class GovukButtonTagHelper : TagHelper
{
    [HtmlAttributeName("text")]
    public string? Text { get; set; }

    [HtmlAttributeName("secondary")]
    public bool Secondary { get; set; }

    [HtmlAttributeName("warning")]
    public bool Warning { get; set; }

    [HtmlAttributeName("inverse")]
    public bool Inverse { get; set; }

    /// <summary>Most of Haven's buttons save something, so a second click is ignored unless the page says otherwise.</summary>
    [HtmlAttributeName("prevent-double-click")]
    public bool PreventDoubleClick { get; set; } = true;

    /// <summary>submit (the default), button or reset.</summary>
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "submit";

    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var classes = "govuk-button";
        if (Secondary) classes += " govuk-button--secondary";
        if (Warning) classes += " govuk-button--warning";
        if (Inverse) classes += " govuk-button--inverse";
        GovukHtml.AddClass(output, classes);
        output.Attributes.SetAttribute("data-module", "govuk-button");
        output.TagMode = TagMode.StartTagAndEndTag;

        if (Href is not null)
        {
            output.TagName = "a";
            output.Attributes.SetAttribute("href", Href);
            output.Attributes.SetAttribute("role", "button");
            output.Attributes.SetAttribute("draggable", "false");
        }
        else
        {
            output.TagName = "button";
            output.Attributes.SetAttribute("type", Type);
            if (PreventDoubleClick) output.Attributes.SetAttribute("data-prevent-double-click", "true");
        }

        if (Text is not null)
            output.Content.SetContent(Text);
        else
            output.Content.SetHtmlContent(await output.GetChildContentAsync());
    }
}
