using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Haven.Web.Infrastructure.Govuk;

/// <summary>
/// A GOV.UK summary list:
/// <code>
/// &lt;govuk-summary-list&gt;
///   &lt;govuk-summary-list-row key="Name" value="@Model.Name" href="..." action-text="Change" visually-hidden="name" /&gt;
///   &lt;govuk-summary-list-row key="Address"&gt;&lt;p class="govuk-body"&gt;...&lt;/p&gt;&lt;/govuk-summary-list-row&gt;
/// &lt;/govuk-summary-list&gt;
/// </code>
/// The rows are collected first because a row without an action needs to know whether any other
/// row has one (GOV.UK's <c>govuk-summary-list__row--no-actions</c>).
/// </summary>
[HtmlTargetElement("govuk-summary-list")]
[RestrictChildren("govuk-summary-list-row")]
public sealed class GovukSummaryListTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var rows = new List<SummaryListRow>();
        context.Items[typeof(GovukSummaryListTagHelper)] = rows;
        await output.GetChildContentAsync();

        output.TagName = "dl";
        output.TagMode = TagMode.StartTagAndEndTag;
        GovukHtml.AddClass(output, "govuk-summary-list");

        var anyActions = rows.Any(row => row.Href is not null);
        var content = new HtmlContentBuilder();
        foreach (var row in rows)
        {
            var rowTag = new TagBuilder("div");
            rowTag.AddCssClass("govuk-summary-list__row");
            if (anyActions && row.Href is null) rowTag.AddCssClass("govuk-summary-list__row--no-actions");

            var key = new TagBuilder("dt");
            key.AddCssClass("govuk-summary-list__key");
            key.InnerHtml.Append(row.Key);
            rowTag.InnerHtml.AppendHtml(key);

            var value = new TagBuilder("dd");
            value.AddCssClass("govuk-summary-list__value");
            value.InnerHtml.AppendHtml(row.Value);
            rowTag.InnerHtml.AppendHtml(value);

            if (row.Href is not null)
            {
                var actions = new TagBuilder("dd");
                actions.AddCssClass("govuk-summary-list__actions");
                var link = new TagBuilder("a");
                link.AddCssClass("govuk-link");
                link.Attributes["href"] = row.Href;
                link.InnerHtml.Append(row.ActionText);
                if (!string.IsNullOrEmpty(row.VisuallyHidden))
                {
                    var hidden = new TagBuilder("span");
                    hidden.AddCssClass("govuk-visually-hidden");
                    hidden.InnerHtml.Append(" " + row.VisuallyHidden);
                    link.InnerHtml.AppendHtml(hidden);
                }
                actions.InnerHtml.AppendHtml(link);
                rowTag.InnerHtml.AppendHtml(actions);
            }
            content.AppendHtml(rowTag);
        }
        output.Content.SetHtmlContent(content);
    }

    internal sealed record SummaryListRow(string Key, IHtmlContent Value, string? Href, string ActionText, string? VisuallyHidden);
}

/// <summary>One row of a <c>&lt;govuk-summary-list&gt;</c>: the value is <c>value</c> or the row's content.</summary>
[HtmlTargetElement("govuk-summary-list-row", ParentTag = "govuk-summary-list")]
public sealed class GovukSummaryListRowTagHelper : TagHelper
{
    [HtmlAttributeName("key")]
    public string Key { get; set; } = "";

    [HtmlAttributeName("value")]
    public string? Value { get; set; }

    /// <summary>Where the row's action (usually "Change") goes; no link without it.</summary>
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    [HtmlAttributeName("action-text")]
    public string ActionText { get; set; } = "Change";

    /// <summary>Completes the action for screen readers: "Change" + " name".</summary>
    [HtmlAttributeName("visually-hidden")]
    public string? VisuallyHidden { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        IHtmlContent value = Value is not null
            ? new HtmlContentBuilder().Append(Value)
            : await output.GetChildContentAsync();
        if (context.Items.TryGetValue(typeof(GovukSummaryListTagHelper), out var rows))
            ((List<GovukSummaryListTagHelper.SummaryListRow>)rows).Add(new(Key, value, Href, ActionText, VisuallyHidden ?? GovukDate.LowercaseFirst(Key)));
        output.SuppressOutput();
    }
}
