using Haven.Core.Access;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Haven.Web.Infrastructure;

/// The one gate in front of every page and API route about a specific child: checks the worker may
/// read (GET) or change (other methods) that child, and writes the access log — a view, a change,
/// or a refused attempt. A child that does not exist and a child the worker may not see get the
/// same answer, so the response never reveals whether a record exists.
public sealed class ChildRecordGuard(ChildAccess access, AccessLog log)
{
    public const string RouteKey = "childId";

    /// Checks access; logs a refusal, or a view. A change is logged by ChangedAsync once it has
    /// actually been saved, so a rejected form is not recorded as a change.
    public async Task<bool> AuthorizeAsync(HttpContext http, int childId, AccessLevel level, CancellationToken ct = default) =>
        await AuthorizeAsync(http, childId, level, RecordKind.ChildRecord, ct);

    /// The same check for one kind of record (a page or endpoint marked with ChildRecordKindAttribute).
    public async Task<bool> AuthorizeAsync(HttpContext http, int childId, AccessLevel level, RecordKind kind, CancellationToken ct = default)
    {
        var worker = CurrentWorker.From(http.User);
        if (worker is null || !(kind == RecordKind.ChildRecord
                ? await access.CanAsync(worker, childId, level, ct)
                : await access.CanAsync(worker, childId, level, kind, ct)))
        {
            await log.WriteAsync(new AccessEvent(http.User.Identity?.Name ?? "anonymous", worker?.WorkerId, AccessAction.Denied, childId, Resource(http)), ct);
            return false;
        }
        if (level == AccessLevel.Read)
            await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.View, childId, Resource(http)), ct);
        return true;
    }

    public Task ChangedAsync(HttpContext http, int childId, CancellationToken ct = default)
    {
        if (http.Items.ContainsKey(ChangeLoggedKey)) return Task.CompletedTask;
        var worker = CurrentWorker.From(http.User)!;
        return log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Change, childId, Resource(http)), ct);
    }

    private const string ChangeLoggedKey = "Haven.ChangeLogged";

    /// The change entry for a write that saves it in the same transaction as the change itself
    /// (AccessLog.WriteWithAsync, as a new case note does): the filter then writes no second entry.
    /// Taken only once the input is valid; a write that then fails answers with an error, which the
    /// filter would not have logged as a change either.
    public static AccessEvent ChangeEntry(HttpContext http, int childId)
    {
        var worker = CurrentWorker.From(http.User)!;
        http.Items[ChangeLoggedKey] = true;
        return new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Change, childId, Resource(http));
    }

    private static string Resource(HttpContext http) => $"{http.Request.Method} {http.Request.Path}";

    public static AccessLevel LevelFor(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? AccessLevel.Read : AccessLevel.Write;
}

/// Marks a page model or API endpoint as being about one narrow kind of record (such as
/// Education), so the guard also admits cohort-wide access to that kind (AccessMatrix.Cohorts).
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ChildRecordKindAttribute(RecordKind kind) : Attribute
{
    public RecordKind Kind { get; } = kind;
}

/// Applied by convention to every page under Features/Children/Record.
public sealed class ChildRecordPageFilter(ChildRecordGuard guard) : IAsyncPageFilter
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, RecordKind> Kinds = new();

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var kind = Kinds.GetOrAdd(context.HandlerInstance.GetType(), t => (t.GetCustomAttributes(typeof(ChildRecordKindAttribute), true)
            .FirstOrDefault() as ChildRecordKindAttribute)?.Kind ?? RecordKind.ChildRecord);
        if (!int.TryParse(context.RouteData.Values[ChildRecordGuard.RouteKey]?.ToString(), out var childId)
            || !await guard.AuthorizeAsync(http, childId, ChildRecordGuard.LevelFor(http.Request), kind, http.RequestAborted))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        var executed = await next();
        // A form that saved redirects (post/redirect/get); one with errors shows the page again.
        if (ChildRecordGuard.LevelFor(http.Request) == AccessLevel.Write && executed.Exception is null
            && executed.Result is Microsoft.AspNetCore.Mvc.RedirectResult or Microsoft.AspNetCore.Mvc.RedirectToPageResult or Microsoft.AspNetCore.Mvc.LocalRedirectResult)
            await guard.ChangedAsync(http, childId, http.RequestAborted);
    }
}

/// The same gate for minimal API routes with a {childId} parameter.
public sealed class ChildRecordEndpointFilter(ChildRecordGuard guard) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var kind = http.GetEndpoint()?.Metadata.GetMetadata<ChildRecordKindAttribute>()?.Kind ?? RecordKind.ChildRecord;
        if (!int.TryParse(http.GetRouteValue(ChildRecordGuard.RouteKey)?.ToString(), out var childId)
            || !await guard.AuthorizeAsync(http, childId, ChildRecordGuard.LevelFor(http.Request), kind, http.RequestAborted))
            return ApiProblems.NoAccess();
        var result = await next(context);
        if (ChildRecordGuard.LevelFor(http.Request) == AccessLevel.Write
            && result is Microsoft.AspNetCore.Http.IStatusCodeHttpResult { StatusCode: >= 200 and < 300 })
            await guard.ChangedAsync(http, childId, http.RequestAborted);
        return result;
    }
}
