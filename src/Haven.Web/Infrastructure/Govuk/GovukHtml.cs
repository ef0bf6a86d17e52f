using System.Net;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Haven.Web.Infrastructure.Govuk;

/// <summary>
/// The parts GOV.UK Frontend's form components share (form group, label, hint, error message,
/// fieldset), built with TagBuilder so that every text and attribute value is HTML-encoded.
/// </summary>
internal static class GovukHtml
{
    /// <summary>The id for a field name, as used by both the field and the error summary's link.</summary>
    public static string IdFor(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_");

    public static TagBuilder FormGroup(bool hasError)
    {
        var group = new TagBuilder("div");
        group.AddCssClass("govuk-form-group");
        if (hasError) group.AddCssClass("govuk-form-group--error");
        return group;
    }

    public static IHtmlContent Label(string forId, string text, string? cssClass, bool isPageHeading)
    {
        var label = new TagBuilder("label");
        label.AddCssClass("govuk-label");
        if (!string.IsNullOrEmpty(cssClass)) label.AddCssClass(cssClass);
        else if (isPageHeading) label.AddCssClass("govuk-label--l");
        label.Attributes["for"] = forId;
        label.InnerHtml.Append(text);
        if (!isPageHeading) return label;

        var heading = new TagBuilder("h1");
        heading.AddCssClass("govuk-label-wrapper");
        heading.InnerHtml.AppendHtml(label);
        return heading;
    }

    public static IHtmlContent Hint(string id, string text, string cssClass = "govuk-hint")
    {
        var hint = new TagBuilder("div");
        hint.Attributes["id"] = id;
        hint.AddCssClass(cssClass);
        hint.InnerHtml.Append(text);
        return hint;
    }

    public static IHtmlContent ErrorMessage(string id, string text)
    {
        var message = new TagBuilder("p");
        message.Attributes["id"] = id;
        message.AddCssClass("govuk-error-message");
        var prefix = new TagBuilder("span");
        prefix.AddCssClass("govuk-visually-hidden");
        prefix.InnerHtml.Append("Error:");
        message.InnerHtml.AppendHtml(prefix).Append(" ").Append(text);
        return message;
    }

    public static TagBuilder Fieldset(string? legend, string? legendClass, bool legendIsPageHeading, string? describedBy, string? role = null)
    {
        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("govuk-fieldset");
        if (role is not null) fieldset.Attributes["role"] = role;
        if (!string.IsNullOrEmpty(describedBy)) fieldset.Attributes["aria-describedby"] = describedBy;
        if (string.IsNullOrEmpty(legend)) return fieldset;

        var legendTag = new TagBuilder("legend");
        legendTag.AddCssClass("govuk-fieldset__legend");
        if (!string.IsNullOrEmpty(legendClass)) legendTag.AddCssClass(legendClass);
        else if (legendIsPageHeading) legendTag.AddCssClass("govuk-fieldset__legend--l");
        if (legendIsPageHeading)
        {
            var heading = new TagBuilder("h1");
            heading.AddCssClass("govuk-fieldset__heading");
            heading.InnerHtml.Append(legend);
            legendTag.InnerHtml.AppendHtml(heading);
        }
        else
        {
            legendTag.InnerHtml.Append(legend);
        }
        fieldset.InnerHtml.AppendHtml(legendTag);
        return fieldset;
    }

    /// <summary>
    /// Copies the attributes a page wrote on the tag helper that it doesn't bind (maxlength,
    /// data-testid, ...) onto the element that should carry them, then removes them from the output.
    /// </summary>
    public static void MoveUnboundAttributes(TagHelperOutput output, TagBuilder target)
    {
        foreach (var attribute in output.Attributes)
        {
            var value = attribute.Value switch
            {
                null => attribute.Name,
                // Literal attribute values arrive already encoded; TagBuilder encodes again on output.
                IHtmlContent html => WebUtility.HtmlDecode(GovukHtml.ToString(html)),
                var other => other.ToString(),
            };
            target.MergeAttribute(attribute.Name, value, replaceExisting: true);
        }
        output.Attributes.Clear();
    }

    public static string ToString(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    /// <summary>Adds a class to an element a tag helper keeps (such as &lt;dl&gt;), after any the page gave.</summary>
    public static void AddClass(TagHelperOutput output, string cssClass)
    {
        var existing = output.Attributes["class"]?.Value switch
        {
            null => null,
            IHtmlContent html => WebUtility.HtmlDecode(ToString(html)),
            var other => other.ToString(),
        };
        output.Attributes.SetAttribute("class", string.IsNullOrWhiteSpace(existing) ? cssClass : $"{cssClass} {existing}");
    }
}
