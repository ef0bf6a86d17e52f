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
}
