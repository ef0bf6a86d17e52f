using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Infrastructure;

/// The last line behind every form and endpoint that edits a versioned record: when two writers
/// race past a service's version check and EF's concurrency token refuses the second save
/// (DbUpdateConcurrencyException), nothing was written, and the answer is a 409 saying so (a
/// ProblemDetails under /api, the "someone else changed this record" page otherwise), never a
/// 500. Services still catch it themselves where they can show both versions (HavenDbContext.
/// TrySaveChangesAsync); this catches whatever they do not.
public static class ConcurrencyConflicts
{
    public const string Message = "Someone else changed this record at the same moment as you. Nothing you sent was saved: read it again, check their change and make yours again";

    public static IApplicationBuilder UseHavenConcurrencyConflicts(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (DbUpdateConcurrencyException) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: Message).ExecuteAsync(context);
                return;
            }
            // An empty 409: the status code pages show Errors/Status with the message.
            context.Response.StatusCode = StatusCodes.Status409Conflict;
        }
    });
}
