using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Haven.Web.Infrastructure.Govuk;

/// <summary>
/// <c>&lt;govuk-error-summary /&gt;</c>: the "There is a problem" box listing every error in
/// ModelState, each linking to its field. Renders nothing when there are no errors.
/// Put it at the top of the page's content, before the form.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeName("title")]
    public string Title { get; set; } = "There is a problem";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        GovukHtml.AddClass(output, "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Attributes.SetAttribute("tabindex", "-1");

        var alert = new TagBuilder("div");
        alert.Attributes["role"] = "alert";
        var title = new TagBuilder("h2");
        title.AddCssClass("govuk-error-summary__title");
        title.InnerHtml.Append(Title);
        alert.InnerHtml.AppendHtml(title);
        var body = new TagBuilder("div");
        body.AddCssClass("govuk-error-summary__body");
        // The list is written out only when the page is, after the fields below the summary have
        // rendered and said where they are, so the errors come in the order of the fields.
        body.InnerHtml.AppendHtml(new ErrorList(modelState, GovukFormFields.For(ViewContext.HttpContext)));
        alert.InnerHtml.AppendHtml(body);
        output.Content.SetHtmlContent(alert);
    }

    private sealed class ErrorList(ModelStateDictionary modelState, GovukFormFields fields) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var errors = modelState
                .Where(entry => entry.Value is { Errors.Count: > 0 })
                .Select((entry, index) =>
                {
                    var known = fields.TryGet(entry.Key, out var order, out var targetId);
                    return new
                    {
                        Message = GovukModelState.FirstError(modelState, entry.Key)!,
                        Href = entry.Key.Length == 0 ? null : "#" + (known ? targetId : TargetId(entry.Key)),
                        Order = known ? order : int.MaxValue,
                        Index = index,
                    };
                })
                .OrderBy(error => error.Order).ThenBy(error => error.Index);

            var list = new TagBuilder("ul");
            list.AddCssClass("govuk-list");
            list.AddCssClass("govuk-error-summary__list");
            foreach (var error in errors)
            {
                var item = new TagBuilder("li");
                if (error.Href is null)
                {
                    item.InnerHtml.Append(error.Message);
                }
                else
                {
                    var link = new TagBuilder("a");
                    link.Attributes["href"] = error.Href;
                    link.InnerHtml.Append(error.Message);
                    item.InnerHtml.AppendHtml(link);
                }
                list.InnerHtml.AppendHtml(item);
            }
            list.WriteTo(writer, encoder);
        }

        // For a field the page didn't render with a GOV.UK tag helper: its own id, or for a date
        // input (recognised by its day, month and year entries) the first part in error.
        private string TargetId(string key)
        {
            if (!modelState.ContainsKey($"{key}.Day"))
                return GovukHtml.IdFor(key);
            string? Part(string part) => modelState.TryGetValue($"{key}.{part}", out var entry) ? entry.AttemptedValue : null;
            var parts = GovukDate.PartsToHighlight(Part("Day"), Part("Month"), Part("Year"), hasError: true);
            var first = parts.HasFlag(DateParts.Day) ? "Day" : parts.HasFlag(DateParts.Month) ? "Month" : "Year";
            return GovukHtml.IdFor($"{key}.{first}");
        }
    }
}
