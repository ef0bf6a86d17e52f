using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Haven.TestCommon;

/// Reading and submitting Haven's pages over HTTP as a browser would, without JavaScript.
public static class Pages
{
    private static readonly IBrowsingContext Browser = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await Browser.OpenAsync(req => req.Content(response.Content.ReadAsStream()).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} returned {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// Submits the form at `formSelector` on the page at `url` with the given field values, keeping
    /// every other field (including the anti-forgery token) as the page rendered it.
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url, IDictionary<string, string> values,
        string formSelector = "main form[method=post]", string? handler = null)
    {
        var doc = await client.GetPageAsync(url);
        var form = doc.QuerySelectorAll<IHtmlFormElement>(formSelector).FirstOrDefault(f => handler is null || (f.Action ?? "").Contains($"handler={handler}"))
            ?? throw new InvalidOperationException($"No form {formSelector} on {url}");
        return await client.PostFormAsync(form, values);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IHtmlFormElement form, IDictionary<string, string> values)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            if (element is IHtmlInputElement input && !string.IsNullOrEmpty(input.Name))
            {
                if (input.Type is "checkbox" or "radio" && !input.IsChecked) continue;
                if (input.Type is "submit") continue;
                fields.Add(new(input.Name, input.Value));
            }
            else if (element is IHtmlTextAreaElement area && !string.IsNullOrEmpty(area.Name)) fields.Add(new(area.Name, area.Value));
            else if (element is IHtmlSelectElement select && !string.IsNullOrEmpty(select.Name)) fields.Add(new(select.Name, select.Value ?? ""));
        }
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? form.BaseUri : form.Action;
        var uri = new Uri(new Uri("http://localhost/"), action);
        return await client.PostAsync(uri.PathAndQuery, new FormUrlEncodedContent(fields));
    }

    public static async Task SignInAsync(this HttpClient client, string userName, string password = HavenApp.Password)
    {
        var response = await client.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
    }

    public static IEnumerable<string> ErrorMessages(this IDocument doc) =>
        doc.QuerySelectorAll(".govuk-error-summary__list li").Select(e => e.TextContent.Trim());
}
