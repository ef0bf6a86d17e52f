using System.Net;
using System.Text.RegularExpressions;

namespace Haven.Bench;

/// Signs in through the real sign-in form, as a browser would, and hands back the cookies to
/// replay from wrk. Also captures a form's anti-forgery pair so wrk can post the sign-in form.
public static partial class Session
{
    public sealed record SignInForm(string Cookie, string Token);

    public static async Task<SignInForm> GetSignInFormAsync(string baseUrl, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        var html = await http.GetStringAsync(baseUrl + "/account/sign-in", ct);
        var token = AntiForgery().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No anti-forgery token on the sign-in page");
        return new SignInForm(cookies.GetCookieHeader(new Uri(baseUrl)), token);
    }

    public static async Task<string> SignInAsync(string baseUrl, string userName, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        var html = await http.GetStringAsync(baseUrl + "/account/sign-in", ct);
        var token = AntiForgery().Match(html).Groups[1].Value;
        var response = await http.PostAsync(baseUrl + "/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {userName} gave {(int)response.StatusCode}, not a redirect");
        return cookies.GetCookieHeader(new Uri(baseUrl));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();
}
