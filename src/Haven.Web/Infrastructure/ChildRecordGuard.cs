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

    public async Task<bool> AuthorizeAsync(HttpContext http, int childId, AccessLevel level, CancellationToken ct = default)
    {
        var worker = CurrentWorker.From(http.User);
        var resource = $"{http.Request.Method} {http.Request.Path}";
        if (worker is null || !await access.CanAsync(worker, childId, level, ct))
        {
            await log.WriteAsync(new AccessEvent(http.User.Identity?.Name ?? "anonymous", worker?.WorkerId, AccessAction.Denied, childId, resource), ct);
            return false;
        }
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId,
            level == AccessLevel.Read ? AccessAction.View : AccessAction.Change, childId, resource), ct);
        return true;
    }

    public static AccessLevel LevelFor(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? AccessLevel.Read : AccessLevel.Write;
}

/// Applied by convention to every page under Features/Children/Record.
public sealed class ChildRecordPageFilter(ChildRecordGuard guard) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!int.TryParse(context.RouteData.Values[ChildRecordGuard.RouteKey]?.ToString(), out var childId)
            || !await guard.AuthorizeAsync(http, childId, ChildRecordGuard.LevelFor(http.Request), http.RequestAborted))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        await next();
    }
}

/// The same gate for minimal API routes with a {childId} parameter.
public sealed class ChildRecordEndpointFilter(ChildRecordGuard guard) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!int.TryParse(http.GetRouteValue(ChildRecordGuard.RouteKey)?.ToString(), out var childId)
            || !await guard.AuthorizeAsync(http, childId, ChildRecordGuard.LevelFor(http.Request), http.RequestAborted))
            return ApiProblems.NoAccess();
        return await next(context);
    }
}
