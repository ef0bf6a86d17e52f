namespace Haven.Web.Infrastructure;

/// The API's numbered, stable error codes, returned as RFC 9457 problem details.
public static class ApiProblems
{
    public const int ValidationFailed = 1001;
    public const int NoAccessToRecord = 1002;
    public const int Conflict = 1003;
    public const int NotFound = 1004;

    public static IResult NoAccess() => Results.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "This record does not exist or you do not have access to it.",
        extensions: new Dictionary<string, object?> { ["code"] = NoAccessToRecord });

    public static IResult Invalid(IDictionary<string, string[]> errors) => Results.ValidationProblem(
        errors, title: "The request is not valid.",
        extensions: new Dictionary<string, object?> { ["code"] = ValidationFailed });

    public const int VersionRequired = 1005;

    /// A stale version: someone else saved first. Both versions go back: what is saved now and what
    /// the caller sent, so a client can show them side by side; nothing was saved.
    public static IResult Stale(string title, object? current, object? yours) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict, title: title,
        extensions: new Dictionary<string, object?> { ["code"] = Conflict, ["current"] = current, ["yours"] = yours });

    /// An update of a record that already exists, sent without the version the caller read: it
    /// could silently overwrite someone else's change, so it is refused (428) and nothing is saved.
    public static IResult NeedsVersion(string field, string message) => Results.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired, title: message,
        extensions: new Dictionary<string, object?> { ["code"] = VersionRequired, ["field"] = field });
}
