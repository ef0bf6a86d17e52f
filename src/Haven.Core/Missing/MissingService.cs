using Haven.Core.Access;
using Haven.Core.CaseNotes;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Missing;

public sealed record RecordMissingEpisodeOptions(int ChildId, MissingType Type, MissingFrom From, DateTime StartedAt, DateTime? ReturnedAt,
    string? WhereFrom, string? WhereFound, string? PoliceReference, MissingRisk Risk, string? WhatHappened,
    string? ReportedBy = null, Guid? SubmissionId = null);

public sealed record RecordInterviewOptions(DateTime OfferedAt, string OfferedBy, bool Independent, InterviewResponse Response,
    string? DeclinedReason, DateTime? CompletedAt, string? PushFactors, string? PullFactors, string? PeopleAndPlaces,
    string? ExploitationIndicators, bool Share);

/// Thrown when the record changed since the form (or API client) read it.
public sealed class StaleRecordException(string message) : Exception(message);

/// The rules for missing episodes and return home interviews, shared by the pages and the API.
/// Field names in the errors are the options' property names; each caller maps them to its own.
public sealed class MissingService(HavenDbContext db, TimeProvider clock)
{
    public const int MaxPlace = 300;
    public const int MaxText = 4000;

    /// Repeat missing: a child who has gone missing this many times in the last 12 months
    /// (a local practice threshold; many partnerships use 3).
    public const int RepeatThreshold = 3;

    public static bool IsRepeat(IEnumerable<DateTime> starts, DateTime now) =>
        starts.Count(s => s > now.AddMonths(-12) && s <= now) >= RepeatThreshold;

    public static Dictionary<string, string> Validate(RecordMissingEpisodeOptions o, DateTime now)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(o.Type)) errors[nameof(o.Type)] = "Select whether the child was missing or away";
        if (!Enum.IsDefined(o.From)) errors[nameof(o.From)] = "Select whether the child went missing from home or from care";
        if (!Enum.IsDefined(o.Risk)) errors[nameof(o.Risk)] = "Select the risk level";
        if (o.StartedAt == default) errors[nameof(o.StartedAt)] = "Enter when the child went missing";
        else if (o.StartedAt > now.AddMinutes(5)) errors[nameof(o.StartedAt)] = "When the child went missing must be in the past";
        else if (o.StartedAt.Year < 2000) errors[nameof(o.StartedAt)] = "When the child went missing must be after 1 January 2000";
        if (o.ReturnedAt is { } r)
        {
            if (r > now.AddMinutes(5)) errors[nameof(o.ReturnedAt)] = "When the child returned must be in the past";
            else if (o.StartedAt != default && r < o.StartedAt) errors[nameof(o.ReturnedAt)] = "When the child returned must be after they went missing";
        }
        Length(errors, nameof(o.WhereFrom), o.WhereFrom, MaxPlace, "Where the child went missing from");
        Length(errors, nameof(o.WhereFound), o.WhereFound, MaxPlace, "Where the child was found");
        Length(errors, nameof(o.PoliceReference), o.PoliceReference, 50, "Police reference");
        Length(errors, nameof(o.WhatHappened), o.WhatHappened, MaxText, "What happened");
        Length(errors, nameof(o.ReportedBy), o.ReportedBy, 200, "Reported by");
        if (o.WhereFound is { Length: > 0 } && o.ReturnedAt is null) errors[nameof(o.ReturnedAt)] = "Enter when the child returned, or leave where they were found blank";
        return errors;
    }

    /// The rules that need the child's other episodes: spells must not overlap (903 rules 564-581).
    public async Task<Dictionary<string, string>> ValidateAsync(RecordMissingEpisodeOptions o, int? episodeId, CancellationToken ct)
    {
        var errors = Validate(o, clock.GetUtcNow().UtcDateTime);
        if (errors.Count > 0) return errors;
        var end = o.ReturnedAt ?? DateTime.MaxValue;
        var others = await db.MissingEpisodes.AsNoTracking()
            .Where(e => e.ChildId == o.ChildId && e.Id != (episodeId ?? 0))
            .Select(e => new { e.StartedAt, e.ReturnedAt }).ToListAsync(ct);
        if (others.Any(e => e.StartedAt < end && (e.ReturnedAt ?? DateTime.MaxValue) > o.StartedAt))
            errors[nameof(o.StartedAt)] = "This episode overlaps another missing episode for the child";
        return errors;
    }

    public static Dictionary<string, string> Validate(RecordInterviewOptions o, MissingEpisode episode, DateTime now)
    {
        var errors = new Dictionary<string, string>();
        if (episode.ReturnedAt is not { } returned)
        {
            errors[nameof(o.OfferedAt)] = "Record when the child returned before recording the return home interview";
            return errors;
        }
        if (o.OfferedAt == default) errors[nameof(o.OfferedAt)] = "Enter when the interview was offered";
        else if (o.OfferedAt > now.AddMinutes(5)) errors[nameof(o.OfferedAt)] = "When the interview was offered must be in the past";
        else if (o.OfferedAt < returned) errors[nameof(o.OfferedAt)] = "When the interview was offered must be after the child returned";
        if (string.IsNullOrWhiteSpace(o.OfferedBy)) errors[nameof(o.OfferedBy)] = "Enter who offered the interview";
        Length(errors, nameof(o.OfferedBy), o.OfferedBy, 200, "Who offered the interview");
        if (!Enum.IsDefined(o.Response)) errors[nameof(o.Response)] = "Select whether the child accepted the interview";
        if (o.Response != InterviewResponse.Declined && !string.IsNullOrWhiteSpace(o.DeclinedReason))
            errors[nameof(o.DeclinedReason)] = "Only give a reason for declining if the child declined";
        Length(errors, nameof(o.DeclinedReason), o.DeclinedReason, MaxText, "The child's reason");
        if (o.CompletedAt is { } done)
        {
            if (o.Response != InterviewResponse.Accepted) errors[nameof(o.CompletedAt)] = "An interview can only be held if the child accepted it";
            else if (done > now.AddMinutes(5)) errors[nameof(o.CompletedAt)] = "When the interview was held must be in the past";
            else if (o.OfferedAt != default && done < o.OfferedAt) errors[nameof(o.CompletedAt)] = "When the interview was held must be after it was offered";
        }
        Length(errors, nameof(o.PushFactors), o.PushFactors, MaxText, "Push factors");
        Length(errors, nameof(o.PullFactors), o.PullFactors, MaxText, "Pull factors");
        Length(errors, nameof(o.PeopleAndPlaces), o.PeopleAndPlaces, MaxText, "People and places");
        Length(errors, nameof(o.ExploitationIndicators), o.ExploitationIndicators, MaxText, "Exploitation indicators");
        var hasInformation = new[] { o.PushFactors, o.PullFactors, o.PeopleAndPlaces, o.ExploitationIndicators }.Any(s => !string.IsNullOrWhiteSpace(s));
        if (hasInformation && o.CompletedAt is null && !errors.ContainsKey(nameof(o.CompletedAt)))
            errors[nameof(o.CompletedAt)] = "Enter when the interview was held to record what it found";
        if (o.Share && !hasInformation) errors[nameof(o.Share)] = "Record what the interview found before sharing it";
        return errors;
    }

    public async Task<MissingEpisode> AddAsync(RecordMissingEpisodeOptions o, CurrentWorker? by, RecordInterviewOptions? interview = null, CancellationToken ct = default)
    {
        if (o.SubmissionId is { } sid && await db.MissingEpisodes.Include(e => e.Interview).FirstOrDefaultAsync(e => e.SubmissionId == sid, ct) is { } existing)
            return existing;
        var now = clock.GetUtcNow().UtcDateTime;
        var episode = new MissingEpisode { ChildId = o.ChildId, RecordedAt = now, RecordedByWorkerId = by?.WorkerId, SubmissionId = o.SubmissionId };
        Apply(episode, o);
        db.MissingEpisodes.Add(episode);
        if (interview is not null) ApplyInterview(episode, interview, by, now);
        // The episode, its interview and any sharing note are one save: nothing is half-saved.
        await db.SaveChangesAsync(ct);
        return episode;
    }

    public async Task UpdateAsync(MissingEpisode episode, RecordMissingEpisodeOptions o, Guid expectedVersion, CancellationToken ct = default)
    {
        if (episode.Version != expectedVersion) throw new StaleRecordException("The episode was changed by someone else.");
        db.Entry(episode).Property(e => e.Version).OriginalValue = expectedVersion;
        Apply(episode, o);
        await SaveDetectingConflictAsync(ct);
    }

    public async Task SaveInterviewAsync(MissingEpisode episode, RecordInterviewOptions o, CurrentWorker by, Guid? expectedVersion, CancellationToken ct = default)
    {
        if (episode.Interview is { } current)
        {
            if (expectedVersion != current.Version) throw new StaleRecordException("The interview was changed by someone else.");
            db.Entry(current).Property(i => i.Version).OriginalValue = expectedVersion.Value;
        }
        ApplyInterview(episode, o, by, clock.GetUtcNow().UtcDateTime);
        await SaveDetectingConflictAsync(ct);
    }

    private async Task SaveDetectingConflictAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleRecordException("The record was changed by someone else.");
        }
    }

    private static void Apply(MissingEpisode e, RecordMissingEpisodeOptions o)
    {
        e.Type = o.Type;
        e.From = o.From;
        e.StartedAt = o.StartedAt;
        e.ReturnedAt = o.ReturnedAt;
        e.WhereFrom = Clean(o.WhereFrom);
        e.WhereFound = Clean(o.WhereFound);
        e.PoliceReference = Clean(o.PoliceReference);
        e.Risk = o.Risk;
        e.WhatHappened = Clean(o.WhatHappened);
        e.ReportedBy = Clean(o.ReportedBy) ?? e.ReportedBy;
    }

    private void ApplyInterview(MissingEpisode episode, RecordInterviewOptions o, CurrentWorker? by, DateTime now)
    {
        var i = episode.Interview ??= new ReturnHomeInterview { Episode = episode, RecordedAt = now, RecordedByWorkerId = by?.WorkerId };
        i.OfferedAt = o.OfferedAt;
        i.OfferedBy = o.OfferedBy.Trim();
        i.Independent = o.Independent;
        i.Response = o.Response;
        i.DeclinedReason = o.Response == InterviewResponse.Declined ? Clean(o.DeclinedReason) : null;
        i.CompletedAt = o.CompletedAt;
        i.PushFactors = Clean(o.PushFactors);
        i.PullFactors = Clean(o.PullFactors);
        i.PeopleAndPlaces = Clean(o.PeopleAndPlaces);
        i.ExploitationIndicators = Clean(o.ExploitationIndicators);
        if (o.Share && i.SharedAt is null && i.HasInformation)
        {
            // Sharing is one step: the interview joins the MEGA panel's list to consider, and the
            // child's worker reads what was found on the child's record as a case note.
            i.SharedAt = now;
            i.SharedByWorkerId = by?.WorkerId;
            if (by is not null)
                db.CaseNotes.Add(new CaseNote
                {
                    ChildId = episode.ChildId, Type = CaseNoteType.Other, EventAt = o.CompletedAt ?? now, RecordedAt = now,
                    AuthorWorkerId = by.WorkerId, Subject = "Return home interview: what the child told us (shared with the MEGA panel)",
                    Body = SharingNote(i),
                });
        }
    }

    internal static string SharingNote(ReturnHomeInterview i)
    {
        var parts = new List<string>();
        if (i.PushFactors is { } push) parts.Add($"Push factors: {push}");
        if (i.PullFactors is { } pull) parts.Add($"Pull factors: {pull}");
        if (i.PeopleAndPlaces is { } pp) parts.Add($"People and places: {pp}");
        if (i.ExploitationIndicators is { } ex) parts.Add($"Exploitation indicators: {ex}");
        return string.Join("\n\n", parts);
    }

    private static void Length(Dictionary<string, string> errors, string field, string? value, int max, string label)
    {
        if (value is not null && value.Trim().Length > max && !errors.ContainsKey(field))
            errors[field] = $"{label} must be {max:N0} characters or fewer";
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
