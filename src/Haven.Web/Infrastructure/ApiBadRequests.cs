using System.Text.Json;

namespace Haven.Web.Infrastructure;

/// The API answers in JSON, whatever goes wrong: a body that is not JSON, or a value of the wrong
/// type (text where a date belongs, a word where a number belongs), is a 400 ValidationProblem
/// naming the field, not the HTML error page; any other empty error answer (404, 405, 415…) under
/// /api is a ProblemDetails. Without this, the framework's own 400 for an unreadable body reached
/// the status code pages and came back as an HTML page.
public static class ApiBadRequests
{
    /// Binding failures throw (BadHttpRequestException) instead of answering an empty 400, so the
    /// middleware below can say which field was wrong.
    public static IServiceCollection AddHavenApiBadRequests(this IServiceCollection services) =>
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

    public static IApplicationBuilder UseHavenApiProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            if (e.StatusCode != StatusCodes.Status400BadRequest)
            {
                await Results.Problem(statusCode: e.StatusCode, title: e.StatusCode == StatusCodes.Status415UnsupportedMediaType
                    ? "Send the body as JSON (Content-Type: application/json)." : "The request could not be read.").ExecuteAsync(context);
                return;
            }
            var (field, message) = Describe(e);
            await ApiProblems.Invalid(new Dictionary<string, string[]> { [field] = [message] }).ExecuteAsync(context);
            return;
        }
        if (!context.Response.HasStarted && context.Response.StatusCode >= 400 && context.Response.ContentLength is null
            && string.IsNullOrEmpty(context.Response.ContentType))
            await Results.Problem(statusCode: context.Response.StatusCode).ExecuteAsync(context);
    });

    private static (string Field, string Message) Describe(BadHttpRequestException e)
    {
        if (e.InnerException is JsonException json)
        {
            // "$.eventAt" → eventAt; "$.newPlace.kind" → newPlace.kind; "$" or "$[0]" → the body itself.
            var path = json.Path ?? "$";
            var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return field == "body"
                ? (field, "The request body must be one JSON object")
                : (field, $"The value of {field} is not valid: check its type and format (dates as yyyy-mm-dd, numbers without quotes)");
        }
        if (e.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase))
            return ("body", "Send the request body as a JSON object");
        // Route and query values of the wrong type ("abc" for a number): name the parameter.
        var name = System.Text.RegularExpressions.Regex.Match(e.Message, "parameter \"[^\"]*? (\\w+)\"") is { Success: true } m ? m.Groups[1].Value : "request";
        return (name, $"The value of {name} is not valid");
    }
}
