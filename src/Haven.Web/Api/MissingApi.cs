using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Missing;
using Haven.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Api;

/// Missing episodes and return home interviews, for partners (police, placements) to report and
/// for the council's own systems. The routes sit under one child, so the child record guard
/// checks access and logs each call. An episode and its interview are saved together or not at all.
public static class MissingApi
{
    public static void MapMissingApi(this WebApplication app)
    {
        var child = app.MapGroup("/api/v1/children/{childId:int}/missing-episodes")
            .RequireAuthorization(Policies.Api).AddEndpointFilter<ChildRecordEndpointFilter>().WithTags("Missing");
        child.MapGet("", ListAsync).WithName("GetMissingEpisodes").WithSummary("A child's missing episodes and return home interviews, newest first");
        child.MapPost("", AddAsync).WithName("AddMissingEpisode").WithSummary("Report a missing episode, with its return home interview if there is one");
        child.MapPut("/{episodeId:int}", UpdateAsync).WithName("UpdateMissingEpisode").WithSummary("Update an episode, for example to record the child's return");
        child.MapPut("/{episodeId:int}/return-home-interview", SaveInterviewAsync).WithName("SaveReturnHomeInterview")
            .WithSummary("Record or update the return home interview for an episode");
    }

    private static async Task<IResult> ListAsync(int childId, HavenDbContext db, CancellationToken ct)
    {
        var episodes = await db.MissingEpisodes.AsNoTracking().Include(e => e.Interview)
            .Where(e => e.ChildId == childId).OrderByDescending(e => e.StartedAt).ToListAsync(ct);
        return Results.Ok(episodes.Select(ToDto));
    }

    private static async Task<IResult> AddAsync(int childId, NewMissingEpisodeDto body, HttpContext http, MissingService missing,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var options = ParseEpisode(childId, body, errors);
        RecordInterviewOptions? interview = null;
        if (errors.Count == 0)
        {
            foreach (var (field, message) in await missing.ValidateAsync(options!, null, ct)) errors[Camel(field)] = [message];
            if (body.ReturnHomeInterview is { } rhi)
            {
                var draft = new MissingEpisode { ChildId = childId, StartedAt = options!.StartedAt, ReturnedAt = options.ReturnedAt };
                interview = ParseInterview(rhi, draft, clock, errors, "returnHomeInterview.");
            }
        }
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var episode = await missing.AddAsync(options!, CurrentWorker.From(http.User), interview, ct);
        return Results.Created($"/api/v1/children/{childId}/missing-episodes/{episode.Id}", ToDto(episode));
    }

    private static async Task<IResult> UpdateAsync(int childId, int episodeId, NewMissingEpisodeDto body, HavenDbContext db, MissingService missing, CancellationToken ct)
    {
        var episode = await db.MissingEpisodes.Include(e => e.Interview).FirstOrDefaultAsync(e => e.Id == episodeId && e.ChildId == childId, ct);
        if (episode is null) return Results.Problem(statusCode: 404, title: "There is no such missing episode for this child.",
            extensions: new Dictionary<string, object?> { ["code"] = ApiProblems.NotFound });
        if (body.Version is null) return ApiProblems.NeedsVersion("version", "Send the version of the episode you read: without it this change could overwrite someone else's");
        var errors = new Dictionary<string, string[]>();
        if (body.ReturnHomeInterview is not null) errors["returnHomeInterview"] = ["Send the interview to the return-home-interview route"];
        var options = ParseEpisode(childId, body, errors);
        if (errors.Count == 0)
            foreach (var (field, message) in await missing.ValidateAsync(options!, episodeId, ct)) errors[Camel(field)] = [message];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        try
        {
            await missing.UpdateAsync(episode, options!, body.Version!.Value, ct);
        }
        catch (StaleRecordException)
        {
            return await StaleAsync(db, episodeId, body, ct);
        }
        return Results.Ok(ToDto(episode));
    }

    private static async Task<IResult> SaveInterviewAsync(int childId, int episodeId, ReturnHomeInterviewInputDto body, HttpContext http,
        HavenDbContext db, MissingService missing, TimeProvider clock, CancellationToken ct)
    {
        var episode = await db.MissingEpisodes.Include(e => e.Interview).FirstOrDefaultAsync(e => e.Id == episodeId && e.ChildId == childId, ct);
        if (episode is null) return Results.Problem(statusCode: 404, title: "There is no such missing episode for this child.",
            extensions: new Dictionary<string, object?> { ["code"] = ApiProblems.NotFound });
        if (episode.Interview is not null && body.Version is null)
            return ApiProblems.NeedsVersion("version", "Send the version of the interview you read: without it this change could overwrite someone else's");
        var errors = new Dictionary<string, string[]>();
        var options = ParseInterview(body, episode, clock, errors, "");
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        try
        {
            await missing.SaveInterviewAsync(episode, options!, CurrentWorker.From(http.User)!, body.Version, ct);
        }
        catch (StaleRecordException)
        {
            return await StaleAsync(db, episodeId, body, ct);
        }
        return Results.Ok(ToDto(episode));
    }

    /// Someone else saved first: 409 with the episode as saved now (current) and what was sent (yours); nothing saved.
    private static async Task<IResult> StaleAsync(HavenDbContext db, int episodeId, object yours, CancellationToken ct)
    {
        var now = await db.MissingEpisodes.AsNoTracking().Include(e => e.Interview).FirstOrDefaultAsync(e => e.Id == episodeId, ct);
        return ApiProblems.Stale("The record was changed by someone else since you read it. Nothing was saved: read it again and resend your change.",
            now is null ? null : ToDto(now), yours);
    }

    private static RecordMissingEpisodeOptions? ParseEpisode(int childId, NewMissingEpisodeDto body, Dictionary<string, string[]> errors)
    {
        var type = Parse<MissingType>(body.Type, "type", "Missing or Away", errors);
        var from = Parse<MissingFrom>(body.From, "from", "Home or Care", errors);
        var risk = Parse<MissingRisk>(body.Risk, "risk", "NoApparentRisk, Low, Medium or High", errors);
        if (body.StartedAt is null) errors["startedAt"] = ["Enter when the child went missing"];
        if (errors.Count > 0) return null;
        var options = new RecordMissingEpisodeOptions(childId, type, from, Utc(body.StartedAt!.Value), body.ReturnedAt is { } r ? Utc(r) : null,
            body.WhereFrom, body.WhereFound, body.PoliceReference, risk, body.WhatHappened, body.ReportedBy, body.SubmissionId);
        return options;
    }

    private static RecordInterviewOptions? ParseInterview(ReturnHomeInterviewInputDto body, MissingEpisode episode, TimeProvider clock,
        Dictionary<string, string[]> errors, string prefix)
    {
        var response = body.Response is null ? InterviewResponse.NotYetKnown
            : Parse<InterviewResponse>(body.Response, prefix + "response", "NotYetKnown, Accepted or Declined", errors);
        if (body.OfferedAt is null) errors[prefix + "offeredAt"] = ["Enter when the interview was offered"];
        if (errors.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal) || prefix == "")) return null;
        var options = new RecordInterviewOptions(Utc(body.OfferedAt!.Value), body.OfferedBy ?? "", body.Independent, response, body.DeclinedReason,
            body.CompletedAt is { } c ? Utc(c) : null, body.PushFactors, body.PullFactors, body.PeopleAndPlaces, body.ExploitationIndicators, body.Share);
        foreach (var (field, message) in MissingService.Validate(options, episode, clock.GetUtcNow().UtcDateTime))
            errors[prefix + Camel(field)] = [message];
        return options;
    }

    private static T Parse<T>(string? text, string field, string allowed, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _)) return value;
        errors[field] = [$"{char.ToUpperInvariant(field.Split('.')[^1][0])}{field.Split('.')[^1][1..]} must be one of: {allowed}"];
        return default;
    }

    private static DateTime Utc(DateTime d) => d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime();

    private static string Camel(string field) => char.ToLowerInvariant(field[0]) + field[1..];

    private static MissingEpisodeDto ToDto(MissingEpisode e) => new(e.Id, e.ChildId, e.Type.ToString(), MissingEpisode.Code(e.Type), e.From.ToString(),
        e.StartedAt, e.ReturnedAt, e.WhereFrom, e.WhereFound, e.PoliceReference, e.Risk.ToString(), e.WhatHappened, e.ReportedBy,
        e.InterviewDueBy, e.Version,
        e.Interview is { } i ? new ReturnHomeInterviewDto(i.OfferedAt, i.OfferedBy, i.Independent, i.Response.ToString(), i.DeclinedReason,
            i.CompletedAt, i.PushFactors, i.PullFactors, i.PeopleAndPlaces, i.ExploitationIndicators, i.SharedAt,
            e.InterviewDueBy is { } due && i.OfferedAt <= due, i.Version) : null);
}
