using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Haven.Web.Infrastructure.Govuk;

/// <summary>
/// GOV.UK pagination: <c>&lt;govuk-pagination page="3" total-pages="12" href-format="?page={0}&amp;q=smith" /&gt;</c>.
/// <c>{0}</c> in href-format is replaced by the page number; the rest must already be a URL
/// (escape user input with Uri.EscapeDataString). Shows the first, last and neighbouring pages
/// with ellipses between, as GOV.UK advises; nothing when there is only one page.
/// </summary>
[HtmlTargetElement("govuk-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukPaginationTagHelper : TagHelper
{
    [HtmlAttributeName("page")]
    public int Page { get; set; } = 1;

    [HtmlAttributeName("total-pages")]
    public int TotalPages { get; set; }

    [HtmlAttributeName("href-format")]
    public string HrefFormat { get; set; } = "?page={0}";

    [HtmlAttributeName("landmark-label")]
    public string LandmarkLabel { get; set; } = "Pagination";

    private const string PreviousArrow = """<svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path></svg>""";
    private const string NextArrow = """<svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path></svg>""";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (TotalPages <= 1)
        {
            output.SuppressOutput();
            return;
        }
        var page = Math.Clamp(Page, 1, TotalPages);

        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        GovukHtml.AddClass(output, "govuk-pagination");
        output.Attributes.SetAttribute("aria-label", LandmarkLabel);

        var content = new HtmlContentBuilder();
        if (page > 1)
            content.AppendHtml(Arrow("prev", "Previous", page - 1));

        var list = new TagBuilder("ul");
        list.AddCssClass("govuk-pagination__list");
        int? previous = null;
        foreach (var number in PagesToShow(page, TotalPages))
        {
            if (previous is { } p && number > p + 1)
                list.InnerHtml.AppendHtml(Ellipsis());
            list.InnerHtml.AppendHtml(Item(number, number == page));
            previous = number;
        }
        content.AppendHtml(list);

        if (page < TotalPages)
            content.AppendHtml(Arrow("next", "Next", page + 1));
        output.Content.SetHtmlContent(content);
    }

    private static IEnumerable<int> PagesToShow(int page, int total) =>
        new[] { 1, page - 1, page, page + 1, total }.Where(n => n >= 1 && n <= total).Distinct().Order();

    private string Href(int number) => string.Format(CultureInfo.InvariantCulture, HrefFormat, number);

    private TagBuilder Arrow(string direction, string text, int number)
    {
        var wrapper = new TagBuilder("div");
        wrapper.AddCssClass($"govuk-pagination__{direction}");
        var link = new TagBuilder("a");
        link.AddCssClass("govuk-link");
        link.AddCssClass("govuk-pagination__link");
        link.Attributes["href"] = Href(number);
        link.Attributes["rel"] = direction;
        var title = new TagBuilder("span");
        title.AddCssClass("govuk-pagination__link-title");
        title.InnerHtml.Append(text);
        var hidden = new TagBuilder("span");
        hidden.AddCssClass("govuk-visually-hidden");
        hidden.InnerHtml.Append(" page");
        title.InnerHtml.AppendHtml(hidden);
        if (direction == "prev") link.InnerHtml.AppendHtml(PreviousArrow);
        link.InnerHtml.AppendHtml(title);
        if (direction == "next") link.InnerHtml.AppendHtml(NextArrow);
        wrapper.InnerHtml.AppendHtml(link);
        return wrapper;
    }

    private TagBuilder Item(int number, bool current)
    {
        var item = new TagBuilder("li");
        item.AddCssClass("govuk-pagination__item");
        if (current) item.AddCssClass("govuk-pagination__item--current");
        var link = new TagBuilder("a");
        link.AddCssClass("govuk-link");
        link.AddCssClass("govuk-pagination__link");
        link.Attributes["href"] = Href(number);
        link.Attributes["aria-label"] = $"Page {number}";
        if (current) link.Attributes["aria-current"] = "page";
        link.InnerHtml.Append(number.ToString(CultureInfo.InvariantCulture));
        item.InnerHtml.AppendHtml(link);
        return item;
    }

    private static TagBuilder Ellipsis()
    {
        var item = new TagBuilder("li");
        item.AddCssClass("govuk-pagination__item");
        item.AddCssClass("govuk-pagination__item--ellipsis");
        item.InnerHtml.AppendHtml("&ctdot;");
        return item;
    }
}
