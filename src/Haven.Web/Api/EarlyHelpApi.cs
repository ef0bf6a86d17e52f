using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.EarlyHelp;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Api;

/// A child's early help episodes, and starting one, for partner systems (a school's or health
/// provider's early help records). The routes sit under one child, so the child record guard checks
/// access and logs each call. Starting uses the same rules as the page; the episode and the
/// child's EarlyHelp involvement are saved together or not at all.
public static class EarlyHelpApi
{
    public static void MapEarlyHelpApi(this WebApplication app)
    {
        var child = app.MapGroup("/api/v1/children/{childId:int}/early-help")
            .RequireAuthorization(Policies.Api).AddEndpointFilter<ChildRecordEndpointFilter>().WithTags("Early help");
        child.MapGet("", ListAsync).WithName("GetEarlyHelpEpisodes").WithSummary("A child's early help episodes, newest first, with feedback counts");
        child.MapPost("", StartAsync).WithName("StartEarlyHelpEpisode").WithSummary("Start an early help episode for a child");
    }

    private static async Task<IResult> ListAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        var episodes = await db.EarlyHelpEpisodes.AsNoTracking().Include(e => e.Actions).Include(e => e.Reviews).Include(e => e.Feedback).AsSplitQuery()
            .Where(e => e.ChildId == childId).OrderByDescending(e => e.StartDate).ToListAsync(ct);
        return Results.Ok(episodes.Select(ToDto));
    }

    private static async Task<IResult> StartAsync(int childId, NewEarlyHelpEpisodeDto? body, HttpContext http, EarlyHelpService earlyHelp, CancellationToken ct)
    {
        if (body is null) return ApiProblems.Invalid(new Dictionary<string, string[]> { [""] = ["Send the episode as JSON"] });
        var options = new StartEarlyHelpOptions(childId, body.StartDate, body.LeadPractitioner, body.LeadAgency, body.LeadIsPartnerAgency ?? false,
            body.SteppedDownFromReferralId);
        var errors = new Dictionary<string, string[]>();
        if (body.LeadIsPartnerAgency is null) errors["leadIsPartnerAgency"] = ["Say whether the lead practitioner works for a partner agency (true or false)"];
        if (errors.Count > 0)
        {
            foreach (var (field, message) in EarlyHelpRules.Validate(options, DateOnly.FromDateTime(DateTime.UtcNow))) errors.TryAdd(Camel(field), [message]);
            return ApiProblems.Invalid(errors);
        }
        var (episode, problems) = await earlyHelp.StartAsync(options, CurrentWorker.From(http.User), ct);
        foreach (var (field, message) in problems) errors.TryAdd(Camel(field), [message]);
        if (episode is null || errors.Count > 0) return ApiProblems.Invalid(errors);
        return Results.Created($"/api/v1/children/{childId}/early-help/{episode.Id}", ToDto(episode));
    }

    private static string Camel(string field) => char.ToLowerInvariant(field[0]) + field[1..];

    private static EarlyHelpEpisodeDto ToDto(EarlyHelpEpisode e)
    {
        var summary = FeedbackSummary.From(e.Feedback.Where(f => f.Rating is not null).Select(f => f.Rating!.Value));
        return new(e.Id, e.ChildId, e.StartDate, e.LeadPractitioner, e.LeadAgency, e.LeadIsPartnerAgency, e.SteppedDownFromReferralId,
            e.AssessmentCompletedOn, e.ClosedOn, e.Outcome?.ToString(), e.SteppedUpReferralId, e.Actions.Count, e.Actions.Count(a => a.CompletedOn is not null),
            e.Reviews.Count, summary.Count, summary.Average, e.Version);
    }
}

/// <summary>A new early help episode.</summary>
public sealed record NewEarlyHelpEpisodeDto
{
    /// <summary>The date early help started (today or earlier).</summary>
    public DateOnly? StartDate { get; init; }
    /// <summary>The lead practitioner's name (up to 200 characters).</summary>
    public string? LeadPractitioner { get; init; }
    /// <summary>The lead practitioner's organisation (up to 200 characters).</summary>
    public string? LeadAgency { get; init; }
    /// <summary>True when the lead practitioner works for a partner agency (school, health, voluntary sector), false for the council's service.</summary>
    public bool? LeadIsPartnerAgency { get; init; }
    /// <summary>The child's referral this episode steps down from, if any.</summary>
    public int? SteppedDownFromReferralId { get; init; }
}

/// <summary>An early help episode, with counts of its plan actions, reviews and family feedback.</summary>
public sealed record EarlyHelpEpisodeDto(int Id, int ChildId, DateOnly StartDate, string LeadPractitioner, string LeadAgency, bool LeadIsPartnerAgency,
    int? SteppedDownFromReferralId, DateOnly? AssessmentCompletedOn, DateOnly? ClosedOn, string? Outcome, int? SteppedUpReferralId,
    int Actions, int ActionsDone, int Reviews, int FeedbackAnswers, double? AverageFeedbackRating, Guid Version);
