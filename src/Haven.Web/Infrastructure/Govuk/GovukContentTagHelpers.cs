using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Haven.Web.Infrastructure.Govuk;

/// <summary>
/// <c>&lt;govuk-tag colour="red"&gt;Overdue&lt;/govuk-tag&gt;</c>. Colours: blue (the default), grey,
/// green, teal, purple, magenta, red, orange, yellow; turquoise and pink are GOV.UK Frontend 6's
/// deprecated names for teal and magenta and are mapped to them.
/// </summary>
[HtmlTargetElement("govuk-tag")]
public sealed class GovukTagTagHelper : TagHelper
{
    [HtmlAttributeName("colour")]
    public string? Colour { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modifier = Colour?.ToLowerInvariant() switch
        {
            null or "" or "blue" => null,
            "turquoise" => "teal",
            "pink" => "magenta",
            "grey" or "green" or "teal" or "purple" or "magenta" or "red" or "orange" or "yellow" => Colour.ToLowerInvariant(),
            _ => throw new InvalidOperationException($"govuk-tag has no colour '{Colour}'."),
        };
        output.TagName = "strong";
        output.TagMode = TagMode.StartTagAndEndTag;
        GovukHtml.AddClass(output, modifier is null ? "govuk-tag" : $"govuk-tag govuk-tag--{modifier}");
    }
}

/// <summary><c>&lt;govuk-back-link href="..." /&gt;</c>, text "Back" unless given as content.</summary>
[HtmlTargetElement("govuk-back-link")]
public sealed class GovukBackLinkTagHelper : TagHelper
{
    [HtmlAttributeName("href")]
    public string Href { get; set; } = "#";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "a";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("href", Href);
        GovukHtml.AddClass(output, "govuk-back-link");
        var content = await output.GetChildContentAsync();
        if (content.IsEmptyOrWhiteSpace) output.Content.SetContent("Back");
    }
}

/// <summary>
/// <c>&lt;govuk-notification-banner type="success" title="Success" heading="Referral recorded"&gt;...&lt;/govuk-notification-banner&gt;</c>.
/// type is "important" (the default) or "success"; a success banner is announced (role="alert").
/// </summary>
[HtmlTargetElement("govuk-notification-banner")]
public sealed class GovukNotificationBannerTagHelper : TagHelper
{
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "important";

    /// <summary>Defaults to "Success" or "Important".</summary>
    [HtmlAttributeName("title")]
    public string? Title { get; set; }

    /// <summary>Must be unique when a page shows more than one banner.</summary>
    [HtmlAttributeName("title-id")]
    public string TitleId { get; set; } = "govuk-notification-banner-title";

    /// <summary>A one-line message shown in the banner's heading style, before any content.</summary>
    [HtmlAttributeName("heading")]
    public string? Heading { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var success = string.Equals(Type, "success", StringComparison.OrdinalIgnoreCase);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        GovukHtml.AddClass(output, success ? "govuk-notification-banner govuk-notification-banner--success" : "govuk-notification-banner");
        output.Attributes.SetAttribute("role", success ? "alert" : "region");
        output.Attributes.SetAttribute("aria-labelledby", TitleId);
        output.Attributes.SetAttribute("data-module", "govuk-notification-banner");

        var header = new TagBuilder("div");
        header.AddCssClass("govuk-notification-banner__header");
        var title = new TagBuilder("h2");
        title.AddCssClass("govuk-notification-banner__title");
        title.Attributes["id"] = TitleId;
        title.InnerHtml.Append(Title ?? (success ? "Success" : "Important"));
        header.InnerHtml.AppendHtml(title);

        var content = new TagBuilder("div");
        content.AddCssClass("govuk-notification-banner__content");
        if (Heading is not null)
        {
            var heading = new TagBuilder("p");
            heading.AddCssClass("govuk-notification-banner__heading");
            heading.InnerHtml.Append(Heading);
            content.InnerHtml.AppendHtml(heading);
        }
        content.InnerHtml.AppendHtml(await output.GetChildContentAsync());

        output.Content.SetHtmlContent(header);
        output.Content.AppendHtml(content);
    }
}

/// <summary><c>&lt;govuk-inset-text&gt;...&lt;/govuk-inset-text&gt;</c></summary>
[HtmlTargetElement("govuk-inset-text")]
public sealed class GovukInsetTextTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        GovukHtml.AddClass(output, "govuk-inset-text");
    }
}

/// <summary><c>&lt;govuk-warning-text&gt;...&lt;/govuk-warning-text&gt;</c>, read out as "Warning, ...".</summary>
[HtmlTargetElement("govuk-warning-text")]
public sealed class GovukWarningTextTagHelper : TagHelper
{
    [HtmlAttributeName("icon-fallback-text")]
    public string IconFallbackText { get; set; } = "Warning";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        GovukHtml.AddClass(output, "govuk-warning-text");

        var icon = new TagBuilder("span");
        icon.AddCssClass("govuk-warning-text__icon");
        icon.Attributes["aria-hidden"] = "true";
        icon.InnerHtml.Append("!");

        var text = new TagBuilder("strong");
        text.AddCssClass("govuk-warning-text__text");
        var hidden = new TagBuilder("span");
        hidden.AddCssClass("govuk-visually-hidden");
        hidden.InnerHtml.Append(IconFallbackText);
        text.InnerHtml.AppendHtml(hidden).Append(" ").AppendHtml(await output.GetChildContentAsync());

        output.Content.SetHtmlContent(icon);
        output.Content.AppendHtml(text);
    }
}
